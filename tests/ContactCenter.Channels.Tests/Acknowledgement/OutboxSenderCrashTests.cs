using ContactCenter.Testing.Smtp;
using Xunit.Abstractions;

namespace ContactCenter.Channels.Tests.Acknowledgement;

/// <summary>The documented window: a receipt can arrive twice per crash, never more, always with one Message-ID.</summary>
public sealed class OutboxSenderCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SendDue_CrashAfterServerAcceptedBeforeOutboxUpdate_ReceiptArrivesAtMostTwiceWithSameMessageId()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        var ticket = await harness.OpenTicketAsync();
        var crashing = harness.NewSender(CrashAfterSendStore.Wrap(harness.Store));

        var crash = async () => await crashing.SendDueAsync(CancellationToken.None);
        await crash.Should().ThrowAsync<IOException>("the store failure after the send must not be swallowed");

        // The restarted service: the store file opened again, a new sender. The row waits out the attempt's backoff.
        harness.ReopenStore();
        var restarted = harness.NewSender();
        (await restarted.SendDueAsync(CancellationToken.None)).Should().Be(0, "the attempt was recorded before the send");
        harness.Time.Advance(TimeSpan.FromHours(1));
        (await restarted.SendDueAsync(CancellationToken.None)).Should().Be(1);
        harness.Time.Advance(TimeSpan.FromHours(1));
        (await restarted.SendDueAsync(CancellationToken.None)).Should().Be(0);

        var received = await harness.Smtp.WaitForMessagesAsync(2);
        output.WriteLine($"crash after SMTP 250, before the outbox commit: {received.Count} copies of the receipt for {ticket.Number}");
        received.Should().HaveCount(2, "one copy before the crash and one after the restart is the documented at-most-twice");
        received.Select(r => r.Message.MessageId).Distinct().Should().ContainSingle("the resend carries the stored Message-ID");
        (await harness.PendingRowsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task SendDue_StoreRefusingEverySentUpdate_ReceiptNotResentAtEveryRun()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        await harness.OpenTicketAsync();
        var sender = harness.NewSender(CrashAfterSendStore.Wrap(harness.Store, crashes: 5));

        for (var run = 0; run < 5; run++)
        {
            try
            {
                await sender.SendDueAsync(CancellationToken.None);
            }
            catch (IOException)
            {
                // The store refused to record the send, as in the crash above.
            }
        }

        await Task.Delay(1000); // a second copy, if any, would have reached the test server by now
        harness.Smtp.Messages.Should().ContainSingle("five runs within the attempt's backoff send one copy, not five");
        (await harness.Store.GetDueOutboxAsync(harness.Time.GetUtcNow(), 100, CancellationToken.None)).Should().BeEmpty("not due again before its backoff ends");
        (await harness.PendingRowsAsync()).Should().ContainSingle().Which.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task SendDue_ConnectionLostAfterServerTookMessage_ResendsOnceWithSameMessageId()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        await harness.OpenTicketAsync();
        var sender = harness.NewSender();
        harness.Smtp.Mode = SmtpTestServerMode.AcceptThenDropConnection;

        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(0, "without the 250 the sender cannot know");
        var row = (await harness.PendingRowsAsync()).Single();
        row.Attempts.Should().Be(1);

        harness.Smtp.Mode = SmtpTestServerMode.Accept;
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(1);

        var received = await harness.Smtp.WaitForMessagesAsync(2);
        output.WriteLine($"connection lost after DATA: {received.Count} copies received");
        received.Should().HaveCount(2);
        received.Select(r => r.Message.MessageId).Should().AllBe(row.MessageId);
    }

    [Fact]
    public async Task SendDue_RestartBetweenCommitAndSend_SendsTheStoredReceiptOnce()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        var ticket = await harness.OpenTicketAsync();
        harness.ReopenStore();

        (await harness.NewSender().SendDueAsync(CancellationToken.None)).Should().Be(1);
        harness.ReopenStore();
        (await harness.NewSender().SendDueAsync(CancellationToken.None)).Should().Be(0);

        (await harness.Smtp.WaitForMessagesAsync(1)).Should().ContainSingle().Which.Message.Subject.Should().Contain(ticket.Number);
        (await harness.Store.GetAsync(ticket.Number, CancellationToken.None))!.ReceiptSentAt.Should().NotBeNull();
    }

    [Fact]
    public async Task SendDue_NoCrash_SendsExactlyOnce()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await harness.OpenTicketAsync(messageId: $"citizen-{i}@example.org", to: $"cittadino{i}@example.org");
        }

        var sender = harness.NewSender();
        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(5);
        (await harness.NewSender().SendDueAsync(CancellationToken.None)).Should().Be(0);

        var received = await harness.Smtp.WaitForMessagesAsync(5);
        received.Should().HaveCount(5);
        received.Select(r => r.Message.MessageId).Distinct().Should().HaveCount(5);
    }
}
