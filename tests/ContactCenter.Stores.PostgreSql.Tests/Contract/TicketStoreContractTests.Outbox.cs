using ContactCenter.Testing.Storage;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetDueOutbox_ReturnsUnsentDueRowsOldestFirst(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1"), StoreRequests.Mail("k2"), StoreRequests.Mail("k3")], default);
        var now = s.Time.GetUtcNow();
        var rows = await s.Store.GetDueOutboxAsync(now, 10, default);
        rows[0].NextAttemptAt = now.AddMinutes(5);
        rows[0].Attempts = 1;
        rows[0].LastError = "421 try later";
        await s.Store.UpdateOutboxAsync(rows[0], null, default);

        (await s.Store.GetDueOutboxAsync(now, 10, default)).Select(r => r.TicketNumber).Should().Equal("PC-2026-000002", "PC-2026-000003");
        (await s.Store.GetDueOutboxAsync(now, 1, default)).Should().ContainSingle();
        var retry = (await s.Store.GetDueOutboxAsync(now.AddMinutes(5), 10, default))[0];
        retry.TicketNumber.Should().Be("PC-2026-000001");
        retry.LastError.Should().Be("421 try later");
        retry.Attempts.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UpdateOutbox_Sent_RecordsEventAndReceiptTimeOnTheTicket(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1"), StoreRequests.Mail("k2")], default);
        var row = (await s.Store.GetDueOutboxAsync(s.Time.GetUtcNow(), 10, default))[0];
        s.Time.Advance(TimeSpan.FromSeconds(3));
        row.SentAt = s.Time.GetUtcNow();
        row.Attempts = 1;
        row.MessageId = "<receipt-1@contactcenter.example>";

        await s.Store.UpdateOutboxAsync(row, new TicketEvent { Kind = TicketEventKind.ReceiptSent, Detail = "Inviata" }, default);

        var ticket = (await s.Reopen().GetAsync("PC-2026-000001", default))!;
        ticket.ReceiptSentAt.Should().Be(row.SentAt);
        ticket.History[^1].Kind.Should().Be(TicketEventKind.ReceiptSent);
        (await s.Store.CountOutboxAsync(pendingOnly: true, default)).Should().Be(1);
        (await s.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(2);
        (await s.Store.GetDueOutboxAsync(s.Time.GetUtcNow(), 10, default)).Should().ContainSingle().Which.TicketNumber.Should().Be("PC-2026-000002");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CountOutbox_AbandonedReceipt_IsNotPending(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1"), StoreRequests.Mail("k2")], default);
        var row = (await s.Store.GetDueOutboxAsync(s.Time.GetUtcNow(), 10, default))[0];
        (row.AbandonedAt, row.NextAttemptAt, row.LastError) = (s.Time.GetUtcNow(), NeverDue.At, "550 mailbox unavailable");

        await s.Store.UpdateOutboxAsync(row, null, default);

        (await s.Store.CountOutboxAsync(pendingOnly: true, default)).Should().Be(1, "the refused receipt waits for nothing: an alert on pending would never clear");
        (await s.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_ReplyToTheReceipt_AppendsToItsTicket(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default);
        var row = (await s.Store.GetDueOutboxAsync(s.Time.GetUtcNow(), 10, default))[0];
        row.MessageId = "receipt-1@contactcenter.example";
        await s.Store.UpdateOutboxAsync(row, null, default);

        var outcome = (await s.Store.DispatchAsync([StoreRequests.Mail("k2", "Re: presa in carico", inReplyTo: "<receipt-1@contactcenter.example>")], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k2", DispatchOutcomeKind.FollowUpAppended, "PC-2026-000001"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CountReceiptsTo_IgnoresCaseAndCountsSince(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", receiptTo: "Mario.Rossi@Example.IT")], default);
        s.Time.Advance(TimeSpan.FromHours(2));
        await s.Store.DispatchAsync([StoreRequests.Mail("k2"), StoreRequests.Mail("k3", receiptTo: "altro@example.it")], default);

        (await s.Store.CountReceiptsToAsync("MARIO.rossi@example.it", s.Time.GetUtcNow().AddHours(-3), default)).Should().Be(2);
        (await s.Store.CountReceiptsToAsync("mario.rossi@example.it", s.Time.GetUtcNow().AddHours(-1), default)).Should().Be(1);
    }
}
