using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

public sealed class LiteDbTicketStoreOutboxTests : IDisposable
{
    private readonly StoreTestContext _ctx = new();

    [Fact]
    public async Task GetDueOutbox_ReturnsUnsentDueRowsOldestFirst()
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1"), Requests.Mail("k2"), Requests.Mail("k3")], default);
        var now = _ctx.Time.GetUtcNow();
        var rows = await _ctx.Store.GetDueOutboxAsync(now, 10, default);
        rows[0].NextAttemptAt = now.AddMinutes(5);
        rows[0].Attempts = 1;
        rows[0].LastError = "421 try later";
        await _ctx.Store.UpdateOutboxAsync(rows[0], null, default);

        (await _ctx.Store.GetDueOutboxAsync(now, 10, default)).Select(r => r.TicketNumber).Should().Equal("PC-2026-000002", "PC-2026-000003");
        (await _ctx.Store.GetDueOutboxAsync(now, 1, default)).Should().ContainSingle();
        var retry = (await _ctx.Store.GetDueOutboxAsync(now.AddMinutes(5), 10, default))[0];
        retry.TicketNumber.Should().Be("PC-2026-000001");
        retry.LastError.Should().Be("421 try later");
    }

    [Fact]
    public async Task UpdateOutbox_Sent_RecordsEventAndReceiptTimeOnTheTicket()
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1"), Requests.Mail("k2")], default);
        var row = (await _ctx.Store.GetDueOutboxAsync(_ctx.Time.GetUtcNow(), 10, default))[0];
        _ctx.Time.Advance(TimeSpan.FromSeconds(3));
        row.SentAt = _ctx.Time.GetUtcNow();
        row.Attempts = 1;
        row.MessageId = "<receipt-1@contactcenter.example>";

        await _ctx.Store.UpdateOutboxAsync(row, new TicketEvent { Kind = TicketEventKind.ReceiptSent, Detail = "Inviata" }, default);

        var ticket = (await _ctx.Reopen().GetAsync("PC-2026-000001", default))!;
        ticket.ReceiptSentAt.Should().Be(row.SentAt);
        ticket.History[^1].Kind.Should().Be(TicketEventKind.ReceiptSent);
        (await _ctx.Store.CountOutboxAsync(pendingOnly: true, default)).Should().Be(1);
        (await _ctx.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(2);
        (await _ctx.Store.GetDueOutboxAsync(_ctx.Time.GetUtcNow(), 10, default)).Should().ContainSingle().Which.TicketNumber.Should().Be("PC-2026-000002");
    }

    [Fact]
    public async Task Dispatch_ReplyToTheReceipt_AppendsToItsTicket()
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1")], default);
        var row = (await _ctx.Store.GetDueOutboxAsync(_ctx.Time.GetUtcNow(), 10, default))[0];
        row.MessageId = "receipt-1@contactcenter.example";
        await _ctx.Store.UpdateOutboxAsync(row, null, default);

        var outcome = (await _ctx.Store.DispatchAsync([Requests.Mail("k2", "Re: presa in carico", inReplyTo: "<receipt-1@contactcenter.example>")], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k2", DispatchOutcomeKind.FollowUpAppended, "PC-2026-000001"));
    }

    [Fact]
    public async Task CountReceiptsTo_IgnoresCaseAndCountsSince()
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1", receiptTo: "Mario.Rossi@Example.IT")], default);
        _ctx.Time.Advance(TimeSpan.FromHours(2));
        await _ctx.Store.DispatchAsync([Requests.Mail("k2"), Requests.Mail("k3", receiptTo: "altro@example.it")], default);

        (await _ctx.Store.CountReceiptsToAsync("MARIO.rossi@example.it", _ctx.Time.GetUtcNow().AddHours(-3), default)).Should().Be(2);
        (await _ctx.Store.CountReceiptsToAsync("mario.rossi@example.it", _ctx.Time.GetUtcNow().AddHours(-1), default)).Should().Be(1);
    }

    public void Dispose() => _ctx.Dispose();
}
