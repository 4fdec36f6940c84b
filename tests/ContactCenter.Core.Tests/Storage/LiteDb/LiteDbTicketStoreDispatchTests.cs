using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

public sealed class LiteDbTicketStoreDispatchTests : IDisposable
{
    private readonly StoreTestContext _ctx = new();

    [Fact]
    public async Task Dispatch_SameSourceKeyAgain_CreatesOneTicket()
    {
        var first = await _ctx.Store.DispatchAsync([Requests.Mail("imap:a/INBOX/7/1"), Requests.Mail("imap:a/INBOX/7/1")], default);
        var replay = await _ctx.Reopen().DispatchAsync([Requests.Mail("imap:a/INBOX/7/1")], default);

        first.Select(o => o.Kind).Should().Equal(DispatchOutcomeKind.Created, DispatchOutcomeKind.Duplicate);
        replay.Single().Should().Be(new DispatchOutcome("imap:a/INBOX/7/1", DispatchOutcomeKind.Duplicate, "PC-2026-000001"));
        (await _ctx.Store.QueryAsync(new TicketQuery(), default)).Should().ContainSingle();
        (await _ctx.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(1);
    }

    [Fact]
    public async Task Dispatch_SameMessageIdSameMailbox_CreatesOneTicket()
    {
        var outcomes = await _ctx.Store.DispatchAsync(
            [Requests.Mail("k1", messageId: "<abc@example.it>"), Requests.Mail("k2", messageId: "abc@example.it")], default);
        var otherMailbox = await _ctx.Store.DispatchAsync([Requests.Mail("k3", messageId: "<abc@example.it>", channel: "pec")], default);

        outcomes[1].Should().Be(new DispatchOutcome("k2", DispatchOutcomeKind.Duplicate, "PC-2026-000001"));
        (await _ctx.Store.IsKnownSourceAsync("k2", default)).Should().BeTrue();
        otherMailbox.Single().Kind.Should().Be(DispatchOutcomeKind.Created);
    }

    [Theory]
    [InlineData("RE: [PC-2026-000001] Richiesta informazioni")]
    [InlineData("R: R: [PC-2026-000001] Richiesta informazioni")]
    [InlineData("FW: Richiesta PC-2026-000001")]
    [InlineData("I: [pc-2026-000001]")]
    public async Task Dispatch_SubjectWithTicketNumber_AppendsFollowUp(string subject)
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1")], default);

        var outcome = (await _ctx.Store.DispatchAsync([Requests.Mail("k2", subject)], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k2", DispatchOutcomeKind.FollowUpAppended, "PC-2026-000001"));
        var ticket = (await _ctx.Store.GetAsync("PC-2026-000001", default))!;
        ticket.Messages.Select(m => m.Kind).Should().Equal(MessageKind.Original, MessageKind.FollowUp);
        ticket.Messages[1].SourceKey.Should().Be("k2");
        ticket.History.Should().Contain(e => e.Kind == TicketEventKind.FollowUpAppended && e.SourceKey == "k2");
        (await _ctx.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(1, "a follow-up queues no second receipt");
    }

    [Fact]
    public async Task Dispatch_SubjectWithUnknownNumber_OpensNewTicket()
    {
        var outcome = (await _ctx.Store.DispatchAsync([Requests.Mail("k1", "RE: [PC-2026-000999]")], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k1", DispatchOutcomeKind.Created, "PC-2026-000001"));
    }

    [Fact]
    public async Task Dispatch_InReplyToOrReferencesOfKnownMessage_AppendsFollowUp()
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1", messageId: "<orig@example.it>")], default);

        var outcomes = await _ctx.Store.DispatchAsync(
        [
            Requests.Mail("k2", "Re: domanda", messageId: "<r1@example.it>", inReplyTo: "<orig@example.it>"),
            Requests.Mail("k3", "Re: domanda", messageId: "<r2@example.it>", references: ["<unknown@elsewhere>", "<orig@example.it>", "<also-unknown@x>"]),
        ], default);

        outcomes.Should().OnlyContain(o => o.Kind == DispatchOutcomeKind.FollowUpAppended && o.TicketNumber == "PC-2026-000001");
        (await _ctx.Store.GetAsync("PC-2026-000001", default))!.Messages.Should().HaveCount(3);
    }

    [Fact]
    public async Task Dispatch_RepliesInSameBatch_AppendToTicketCreatedEarlierInBatch()
    {
        var outcomes = await _ctx.Store.DispatchAsync(
        [
            Requests.Mail("k1", messageId: "<orig@example.it>"),
            Requests.Mail("k2", "Re: domanda", inReplyTo: "<orig@example.it>"),
            Requests.Mail("k3", "RE: [PC-2026-000001]"),
        ], default);

        outcomes.Select(o => o.Kind).Should().Equal(DispatchOutcomeKind.Created, DispatchOutcomeKind.FollowUpAppended, DispatchOutcomeKind.FollowUpAppended);
        outcomes.Should().OnlyContain(o => o.TicketNumber == "PC-2026-000001");
    }

    [Fact]
    public async Task Dispatch_FollowUpOnClosedTicket_ReopensIt()
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1")], default);
        await _ctx.Store.UpdateAsync("PC-2026-000001", t =>
        {
            t.Status = TicketStatus.Closed;
            t.ClosedAt = _ctx.Time.GetUtcNow();
            return new TicketEvent { Kind = TicketEventKind.Closed, Actor = "operatore1", Detail = "Risposto" };
        }, default);
        var later = Requests.Received.AddDays(5);

        await _ctx.Store.DispatchAsync([Requests.Mail("k2", "RE: [PC-2026-000001]", receivedAt: later)], default);

        var ticket = (await _ctx.Store.GetAsync("PC-2026-000001", default))!;
        ticket.Status.Should().Be(TicketStatus.Open);
        ticket.ClosedAt.Should().BeNull();
        ticket.DueAt.Should().Be(later.AddDays(2));
        ticket.History.Select(e => e.Kind).Should().ContainInOrder(TicketEventKind.Closed, TicketEventKind.FollowUpAppended, TicketEventKind.Reopened);
    }

    [Fact]
    public async Task Dispatch_FollowUpOnClosedTicket_NewDueDateInHistoryIsInUtc()
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1")], default);
        await _ctx.Store.UpdateAsync("PC-2026-000001", t =>
        {
            t.Status = TicketStatus.Closed;
            return new TicketEvent { Kind = TicketEventKind.Closed, Actor = "operatore1", Detail = "Risposto" };
        }, default);

        // The planner hands due dates in Rome's offset: 17 March 10:00 +01:00 is 09:00 UTC.
        await _ctx.Store.DispatchAsync([Requests.Mail("k2", "RE: [PC-2026-000001]", receivedAt: new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.FromHours(1)))], default);

        var ticket = (await _ctx.Store.GetAsync("PC-2026-000001", default))!;
        ticket.History.Single(e => e.Kind == TicketEventKind.DueDateChanged).Detail.Should().Be("Nuova scadenza 2026-03-17 09:00 UTC");
    }

    [Fact]
    public async Task Dispatch_DraftMetadata_StoredOnTicketAndMessage()
    {
        var request = Requests.Mail("k1");
        request.Draft.Metadata["pec.id"] = "opec292.1@pec.gestore.example.it";
        request.Draft.Metadata["pec.acceptedAt"] = "2026-03-16T10:15:02+01:00";
        var followUp = Requests.Mail("k2", "RE: [PC-2026-000001]");
        followUp.Draft.Metadata["pec.id"] = "opec292.2@pec.gestore.example.it";

        await _ctx.Store.DispatchAsync([request, followUp], default);

        var ticket = (await _ctx.Reopen().GetAsync("PC-2026-000001", default))!;
        ticket.Metadata.Should().Equal(new Dictionary<string, string>
        {
            ["pec.id"] = "opec292.1@pec.gestore.example.it",
            ["pec.acceptedAt"] = "2026-03-16T10:15:02+01:00",
            [ContentFingerprint.DateMetadataKey] = request.Draft.Metadata[ContentFingerprint.DateMetadataKey],
        });
        ticket.Messages.Select(m => m.Metadata.GetValueOrDefault("pec.id"))
            .Should().Equal("opec292.1@pec.gestore.example.it", "opec292.2@pec.gestore.example.it");
    }

    [Fact]
    public async Task Dispatch_AutomaticMailReferringToTicket_AttachedWithoutTicketOrReceipt()
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1", messageId: "<orig@example.it>")], default);

        var outcomes = await _ctx.Store.DispatchAsync(
        [
            Requests.Mail("k2", "Risposta automatica: [PC-2026-000001]", automatic: AutomaticMailKind.AutoReply),
            Requests.Mail("k3", "Undelivered Mail", references: ["<orig@example.it>"], automatic: AutomaticMailKind.Bounce),
        ], default);

        outcomes.Should().OnlyContain(o => o.Kind == DispatchOutcomeKind.AutoMailAttached && o.TicketNumber == "PC-2026-000001");
        var ticket = (await _ctx.Store.GetAsync("PC-2026-000001", default))!;
        ticket.Messages.Select(m => m.Kind).Should().Equal(MessageKind.Original, MessageKind.AutoReply, MessageKind.Bounce);
        ticket.History.Count(e => e.Kind == TicketEventKind.AutoMailAttached).Should().Be(2);
        (await _ctx.Store.QueryAsync(new TicketQuery(), default)).Should().ContainSingle();
        (await _ctx.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(1);
    }

    [Fact]
    public async Task Dispatch_AutomaticMailReferringToNothing_RecordedWithoutTicket()
    {
        var outcome = (await _ctx.Store.DispatchAsync([Requests.Mail("k1", "Out of office", messageId: "<ooo@x>", automatic: AutomaticMailKind.AutoReply)], default)).Single();
        var replay = (await _ctx.Store.DispatchAsync([Requests.Mail("k1", "Out of office", automatic: AutomaticMailKind.AutoReply)], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k1", DispatchOutcomeKind.AutoMailRecorded, null));
        replay.Kind.Should().Be(DispatchOutcomeKind.Duplicate);
        (await _ctx.Store.QueryAsync(new TicketQuery(), default)).Should().BeEmpty();
        (await _ctx.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(0);
        var recorded = (await _ctx.Store.ListAutoMailAsync(default)).Should().ContainSingle().Subject;
        recorded.Kind.Should().Be(AutomaticMailKind.AutoReply);
        recorded.MessageId.Should().Be("ooo@x");
    }

    [Fact]
    public async Task Dispatch_OwnMailToTicket_MarksOutgoingReply()
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1")], default);

        await _ctx.Store.DispatchAsync([Requests.Mail("k2", "Re: [PC-2026-000001]", automatic: AutomaticMailKind.OwnAddress)], default);

        var ticket = (await _ctx.Store.GetAsync("PC-2026-000001", default))!;
        ticket.HasOutgoingReply.Should().BeTrue();
        ticket.Messages[^1].Kind.Should().Be(MessageKind.OwnMail);
    }

    [Fact]
    public async Task Dispatch_NewTicket_WritesReceiptAndHistoryInSameCommit()
    {
        await _ctx.Store.DispatchAsync(
            [Requests.Mail("k1"), Requests.Mail("k2", receiptTo: null, suppressed: "Limite giornaliero raggiunto", needsReview: true)], default);

        var outbox = (await _ctx.Store.GetDueOutboxAsync(_ctx.Time.GetUtcNow(), 10, default)).Should().ContainSingle().Subject;
        outbox.TicketNumber.Should().Be("PC-2026-000001");
        outbox.To.Should().Be("mario.rossi@example.it");
        outbox.CreatedAt.Should().Be(_ctx.Time.GetUtcNow());
        (await _ctx.Store.GetAsync("PC-2026-000001", default))!.History.Select(e => e.Kind)
            .Should().Equal(TicketEventKind.Received, TicketEventKind.ReceiptQueued);
        var second = (await _ctx.Store.GetAsync("PC-2026-000002", default))!;
        second.History.Select(e => e.Kind).Should().Equal(TicketEventKind.Received, TicketEventKind.ReceiptSuppressed, TicketEventKind.FlaggedForReview);
        second.History[1].Detail.Should().Be("Limite giornaliero raggiunto");
        second.NeedsReview.Should().BeTrue();
    }

    public void Dispose() => _ctx.Dispose();
}
