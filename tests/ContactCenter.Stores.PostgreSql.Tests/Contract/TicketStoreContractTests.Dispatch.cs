using ContactCenter.Testing.Storage;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_SameSourceKeyAgain_CreatesOneTicket(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var first = await s.Store.DispatchAsync([StoreRequests.Mail("imap:a/INBOX/7/1"), StoreRequests.Mail("imap:a/INBOX/7/1")], default);
        var replay = await s.Reopen().DispatchAsync([StoreRequests.Mail("imap:a/INBOX/7/1")], default);

        first.Select(o => o.Kind).Should().Equal(DispatchOutcomeKind.Created, DispatchOutcomeKind.Duplicate);
        replay.Single().Should().Be(new DispatchOutcome("imap:a/INBOX/7/1", DispatchOutcomeKind.Duplicate, "PC-2026-000001"));
        (await s.Store.QueryAsync(new TicketQuery(), default)).Should().ContainSingle();
        (await s.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_SameMessageIdSameMailbox_CreatesOneTicket(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var outcomes = await s.Store.DispatchAsync(
            [StoreRequests.Mail("k1", messageId: "<abc@example.it>"), StoreRequests.Mail("k2", messageId: "abc@example.it")], default);
        var otherMailbox = await s.Store.DispatchAsync([StoreRequests.Mail("k3", messageId: "<abc@example.it>", channel: "pec")], default);

        outcomes[1].Should().Be(new DispatchOutcome("k2", DispatchOutcomeKind.Duplicate, "PC-2026-000001"));
        (await IsKnownAsync(s.Store, "k2")).Should().BeTrue();
        otherMailbox.Single().Kind.Should().Be(DispatchOutcomeKind.Created);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_SubjectWithTicketNumber_AppendsFollowUp(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default);
        string[] subjects = ["RE: [PC-2026-000001] Richiesta informazioni", "R: R: [PC-2026-000001] Richiesta", "FW: Richiesta PC-2026-000001", "I: [pc-2026-000001]"];

        var outcomes = await s.Store.DispatchAsync([.. subjects.Select((subject, i) => StoreRequests.Mail($"f{i}", subject))], default);

        outcomes.Should().OnlyContain(o => o.Kind == DispatchOutcomeKind.FollowUpAppended && o.TicketNumber == "PC-2026-000001");
        var ticket = (await s.Store.GetAsync("PC-2026-000001", default))!;
        ticket.Messages.Select(m => m.Kind).Should().Equal(MessageKind.Original, MessageKind.FollowUp, MessageKind.FollowUp, MessageKind.FollowUp, MessageKind.FollowUp);
        ticket.Messages[1].SourceKey.Should().Be("f0");
        ticket.History.Should().Contain(e => e.Kind == TicketEventKind.FollowUpAppended && e.SourceKey == "f3");
        (await s.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(1, "a follow-up queues no second receipt");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_SubjectWithUnknownNumber_OpensNewTicket(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var outcome = (await s.Store.DispatchAsync([StoreRequests.Mail("k1", "RE: [PC-2026-000999]")], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k1", DispatchOutcomeKind.Created, "PC-2026-000001"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_InReplyToOrReferencesOfKnownMessage_AppendsFollowUp(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: "<orig@example.it>")], default);

        var outcomes = await s.Store.DispatchAsync(
        [
            StoreRequests.Mail("k2", "Re: domanda", messageId: "<r1@example.it>", inReplyTo: "<orig@example.it>"),
            StoreRequests.Mail("k3", "Re: domanda", messageId: "<r2@example.it>", references: ["<unknown@elsewhere>", "<orig@example.it>", "<also-unknown@x>"]),
        ], default);

        outcomes.Should().OnlyContain(o => o.Kind == DispatchOutcomeKind.FollowUpAppended && o.TicketNumber == "PC-2026-000001");
        (await s.Store.GetAsync("PC-2026-000001", default))!.Messages.Should().HaveCount(3);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_RepliesInSameBatch_AppendToTicketCreatedEarlierInBatch(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var outcomes = await s.Store.DispatchAsync(
        [
            StoreRequests.Mail("k1", messageId: "<orig@example.it>"),
            StoreRequests.Mail("k2", "Re: domanda", inReplyTo: "<orig@example.it>"),
            StoreRequests.Mail("k3", "RE: [PC-2026-000001]"),
        ], default);

        outcomes.Select(o => o.Kind).Should().Equal(DispatchOutcomeKind.Created, DispatchOutcomeKind.FollowUpAppended, DispatchOutcomeKind.FollowUpAppended);
        outcomes.Should().OnlyContain(o => o.TicketNumber == "PC-2026-000001");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_FollowUpOnClosedTicket_ReopensIt(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default);
        await s.Store.UpdateAsync("PC-2026-000001", t =>
        {
            t.Status = TicketStatus.Closed;
            t.ClosedAt = s.Time.GetUtcNow();
            return new TicketEvent { Kind = TicketEventKind.Closed, Actor = "operatore1", Detail = "Risposto" };
        }, default);
        var later = StoreRequests.Received.AddDays(5);

        await s.Store.DispatchAsync([StoreRequests.Mail("k2", "RE: [PC-2026-000001]", receivedAt: later)], default);

        var ticket = (await s.Reopen().GetAsync("PC-2026-000001", default))!;
        ticket.Status.Should().Be(TicketStatus.Open);
        ticket.ClosedAt.Should().BeNull();
        ticket.DueAt.Should().Be(later.AddDays(2));
        ticket.History.Select(e => e.Kind).Should().ContainInOrder(TicketEventKind.Closed, TicketEventKind.FollowUpAppended, TicketEventKind.Reopened);
        ticket.History.Single(e => e.Kind == TicketEventKind.Closed).Actor.Should().Be("operatore1");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_AutomaticMailReferringToTicket_AttachedWithoutTicketOrReceipt(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: "<orig@example.it>")], default);

        var outcomes = await s.Store.DispatchAsync(
        [
            StoreRequests.Mail("k2", "Risposta automatica: [PC-2026-000001]", automatic: AutomaticMailKind.AutoReply),
            StoreRequests.Mail("k3", "Undelivered Mail", references: ["<orig@example.it>"], automatic: AutomaticMailKind.Bounce),
        ], default);

        outcomes.Should().OnlyContain(o => o.Kind == DispatchOutcomeKind.AutoMailAttached && o.TicketNumber == "PC-2026-000001");
        var ticket = (await s.Store.GetAsync("PC-2026-000001", default))!;
        ticket.Messages.Select(m => m.Kind).Should().Equal(MessageKind.Original, MessageKind.AutoReply, MessageKind.Bounce);
        ticket.History.Count(e => e.Kind == TicketEventKind.AutoMailAttached).Should().Be(2);
        (await s.Store.QueryAsync(new TicketQuery(), default)).Should().ContainSingle();
        (await s.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_AutomaticMailReferringToNothing_RecordedWithoutTicket(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var outcome = (await s.Store.DispatchAsync([StoreRequests.Mail("k1", "Out of office", messageId: "<ooo@x>", automatic: AutomaticMailKind.AutoReply)], default)).Single();
        var replay = (await s.Store.DispatchAsync([StoreRequests.Mail("k1", "Out of office", automatic: AutomaticMailKind.AutoReply)], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k1", DispatchOutcomeKind.AutoMailRecorded, null));
        replay.Kind.Should().Be(DispatchOutcomeKind.Duplicate);
        (await s.Store.QueryAsync(new TicketQuery(), default)).Should().BeEmpty();
        (await s.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(0);
        var recorded = (await ListAutoMailAsync(s.Store)).Should().ContainSingle().Subject;
        recorded.Kind.Should().Be(AutomaticMailKind.AutoReply);
        recorded.MessageId.Should().Be("ooo@x");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_OwnMailToTicket_MarksOutgoingReply(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default);

        await s.Store.DispatchAsync([StoreRequests.Mail("k2", "Re: [PC-2026-000001]", automatic: AutomaticMailKind.OwnAddress)], default);

        var ticket = (await s.Store.GetAsync("PC-2026-000001", default))!;
        ticket.HasOutgoingReply.Should().BeTrue();
        ticket.Messages[^1].Kind.Should().Be(MessageKind.OwnMail);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_NewTicket_WritesReceiptAndHistoryInSameCommit(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync(
            [StoreRequests.Mail("k1"), StoreRequests.Mail("k2", receiptTo: null, suppressed: "Limite giornaliero raggiunto", needsReview: true)], default);

        var outbox = (await s.Store.GetDueOutboxAsync(s.Time.GetUtcNow(), 10, default)).Should().ContainSingle().Subject;
        outbox.TicketNumber.Should().Be("PC-2026-000001");
        outbox.To.Should().Be("mario.rossi@example.it");
        outbox.CreatedAt.Should().Be(s.Time.GetUtcNow());
        var first = (await s.Store.GetAsync("PC-2026-000001", default))!;
        first.History.Select(e => e.Kind).Should().Equal(TicketEventKind.Received, TicketEventKind.ReceiptQueued);
        first.History[1].Detail.Should().Be("Presa in carico in coda per mario.rossi@example.it");
        var second = (await s.Store.GetAsync("PC-2026-000002", default))!;
        second.History.Select(e => e.Kind).Should().Equal(TicketEventKind.Received, TicketEventKind.ReceiptSuppressed, TicketEventKind.FlaggedForReview);
        second.History[1].Detail.Should().Be("Limite giornaliero raggiunto");
        second.NeedsReview.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_StoredTicket_ReadsBackFieldForField(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var request = StoreRequests.Mail("k1", messageId: "<orig@example.it>");
        await s.Store.DispatchAsync([request], default);

        var ticket = (await s.Reopen().GetAsync("pc-2026-000001", default))!;

        ticket.Number.Should().Be("PC-2026-000001");
        ticket.Sender.Email.Should().Be("mario.rossi@example.it");
        ticket.TextBody.Should().Be(request.Draft.TextBody);
        ticket.Classification.Should().BeEquivalentTo(request.Classification);
        ticket.ReceivedAt.Should().Be(StoreRequests.Received);
        ticket.Messages.Single().Original.Should().BeEquivalentTo(request.Draft.Original);
        ticket.MessageId.Should().Be("orig@example.it");
        ticket.IsSuspended.Should().BeFalse();
    }
}
