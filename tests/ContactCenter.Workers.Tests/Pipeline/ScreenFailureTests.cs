using ContactCenter.Core.Intake;
using ContactCenter.Core.Screening;
using ContactCenter.Core.Storage;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>A screen that throws on one item must not fail the batch at every poll, leaving the channel stuck behind it.</summary>
public sealed class ScreenFailureTests
{
    [Fact]
    public async Task Ingest_ScreenThrowsOnOneItem_ItGoesOnUnchecked_AndTheWholeBatchIsStored()
    {
        using var harness = new PipelineHarness(configure: c => c.AddSingleton<IDraftScreen>(new ThrowingScreen()));
        var source = new MemorySource("inbox");
        source.Add("mem:inbox/1", "Subject: Richiesta illeggibile\n\nIl filtro non riesce a leggerla.");
        source.Add("mem:inbox/2", "Subject: Richiesta normale\n\nVorrei sapere come diventare volontario.");

        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        summary.Failed.Should().BeNull();
        summary.Created.Should().Be(2);
        source.Acknowledged.Should().HaveCount(2);
        var tickets = await harness.Store.QueryAsync(new TicketQuery(), CancellationToken.None);
        var unreadable = tickets.Single(t => t.Subject == "Richiesta illeggibile");
        unreadable.Metadata[MailScreeningKeys.SpamVerdict].Should().Be("unchecked");
        unreadable.Metadata[MailScreeningKeys.SpamError].Should().Contain("FormatException").And.Contain("intestazioni");
        tickets.Single(t => t.Subject == "Richiesta normale").Metadata[MailScreeningKeys.SpamVerdict].Should().Be("clean");
    }

    /// <summary>Stands for a screen that cannot read one message (a parser's exception), judging the others clean.</summary>
    private sealed class ThrowingScreen : IDraftScreen
    {
        public ValueTask ScreenAsync(TicketDraft draft, CancellationToken cancellationToken)
        {
            if (draft.Subject.Contains("illeggibile", StringComparison.Ordinal))
            {
                throw new FormatException("intestazioni non valide");
            }

            draft.Metadata[MailScreeningKeys.SpamVerdict] = "clean";
            return ValueTask.CompletedTask;
        }
    }
}
