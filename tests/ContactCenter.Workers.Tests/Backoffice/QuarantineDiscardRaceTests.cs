using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using ContactCenter.Workers.Backoffice;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Workers.Tests.Backoffice;

public sealed class QuarantineDiscardRaceTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-discard-race");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Discard_AfterARetryMadeItsTicket_IsRefusedAndKeepsRetried()
    {
        using var real = new LiteDbTicketStore(new StoreOptions { DataDirectory = folder.Path }, TimeProvider.System, NullLogger<LiteDbTicketStore>.Instance);
        var record = await real.QuarantineAsync(new QuarantineRecord
        {
            SourceKey = "k1",
            ChannelName = "posta",
            Channel = ChannelKind.Email,
            Reason = "Normalizzatore fallito",
        }, CancellationToken.None);
        // Discard neither retries nor reads an original: no pipeline or archive is needed.
        var actions = new QuarantineActions(new RetryDuringReadStore(real), null!, null!, TimeProvider.System, NullLogger<QuarantineActions>.Instance);

        var result = await actions.DiscardAsync(record.Id, "junk", "operatore", CancellationToken.None);

        result.Outcome.Should().Be(BackofficeOutcome.Refused);
        result.Message.Should().Contain("already resolved (retried, ticket PC-").And.Contain("not discarded");
        var after = (await real.GetQuarantineAsync(record.Id, CancellationToken.None))!;
        after.Status.Should().Be(QuarantineStatus.Retried);
        after.ResultTicketNumber.Should().StartWith("PC-");
    }
}
