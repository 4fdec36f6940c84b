using ContactCenter.Channels.Email;
using ContactCenter.Testing;

namespace ContactCenter.Channels.Tests.Acknowledgement;

public sealed class OutboxSenderCleartextWarningTests
{
    private const int CleartextEvent = 1808;

    [Fact]
    public async Task SendDue_RelayWithoutTls_WarnsAtTheFirstConnectionThenOnceADay()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        // A documentation address (RFC 5737) on another network: no relay answers, and each run opens a connection.
        harness.SmtpOptions.Host = "192.0.2.1";
        harness.SmtpOptions.Timeout = TimeSpan.FromSeconds(1);
        await harness.OpenTicketAsync();
        var logger = new RecordingLogger();
        var sender = harness.NewSender(logger: logger);

        for (var run = 0; run < 3; run++)
        {
            await RunWhenDueAsync(harness, sender);
        }

        var first = logger.Entries.Count(e => e.Id.Id == CleartextEvent);
        harness.Time.Advance(ConnectionWarnings.RepeatEvery);
        await RunWhenDueAsync(harness, sender);

        (await harness.PendingRowsAsync()).Single().Attempts.Should().Be(4, "every run tried the relay");
        first.Should().Be(1, "three runs in a row said it once");
        logger.Entries.Count(e => e.Id.Id == CleartextEvent).Should().Be(2, "a day later it is said again");
    }

    private static async Task RunWhenDueAsync(ReceiptHarness harness, Channels.Acknowledgement.OutboxSender sender)
    {
        var row = (await harness.PendingRowsAsync()).Single();
        if (row.NextAttemptAt > harness.Time.GetUtcNow())
        {
            harness.Time.SetUtcNow(row.NextAttemptAt);
        }

        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(0);
    }
}
