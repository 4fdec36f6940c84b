using ContactCenter.Core.Intake;
using ContactCenter.Core.Screening;
using ContactCenter.Workers.Cli.Ingest;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>An item held as spam went nowhere the summary showed: fetched, but neither created nor quarantined.</summary>
public sealed class SpamCountTests
{
    [Fact]
    public async Task Ingest_OneItemHeldAsSpam_CountedAsSpamInTheSummary()
    {
        using var harness = new PipelineHarness(configure: c => c.AddSingleton<IDraftScreen>(new SubjectScreen()));
        var source = new MemorySource("inbox");
        source.Add("mem:inbox/1", "Subject: Offerta imperdibile\n\nCompra ora.");
        source.Add("mem:inbox/2", "Subject: Richiesta normale\n\nVorrei sapere come diventare volontario.");

        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        summary.Should().BeEquivalentTo(new { Fetched = 2, Created = 1, Spam = 1, Quarantined = 0, Failed = (string?)null });
        source.Acknowledged.Should().HaveCount(2);
    }

    [Fact]
    public void SummaryTable_ShowsTheSpamColumn()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;

        console.Write(IngestSummaryTable.Build([new() { Channel = "inbox", Fetched = 5, Created = 1, Spam = 4 }]));

        var lines = output.ToString().Split('\n');
        var header = lines.Single(l => l.Contains("Fetched", StringComparison.Ordinal));
        var row = lines.Single(l => l.Contains("inbox", StringComparison.Ordinal));
        header.Should().Contain("Spam");
        row[header.IndexOf("Spam", StringComparison.Ordinal)..].TrimStart().Should().StartWith("4");
    }

    /// <summary>Judges a subject with "Offerta" spam, anything else clean.</summary>
    private sealed class SubjectScreen : IDraftScreen
    {
        public ValueTask ScreenAsync(TicketDraft draft, CancellationToken cancellationToken)
        {
            draft.Metadata[MailScreeningKeys.SpamVerdict] = draft.Subject.Contains("Offerta", StringComparison.Ordinal) ? "spam" : "clean";
            return ValueTask.CompletedTask;
        }
    }
}
