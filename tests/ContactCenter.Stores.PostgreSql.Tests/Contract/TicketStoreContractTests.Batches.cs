using ContactCenter.Core.Receipts;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing.Storage;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

/// <summary>
/// Items of one batch see the batch's earlier items exactly as if those had come in an earlier batch (the PostgreSQL
/// store decides a whole batch from one read and writes it at once).
/// </summary>
public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_SameItemAndSameMessageInOneBatch_OneTicketAndTheRestDuplicates(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);

        var outcomes = await s.Store.DispatchAsync(
            [StoreRequests.Mail("k1", messageId: ReusedId), StoreRequests.Mail("k1", messageId: ReusedId), StoreRequests.Mail("k2", messageId: ReusedId)], default);

        outcomes.Should().Equal(
            new DispatchOutcome("k1", DispatchOutcomeKind.Created, "PC-2026-000001"),
            new DispatchOutcome("k1", DispatchOutcomeKind.Duplicate, "PC-2026-000001"),
            new DispatchOutcome("k2", DispatchOutcomeKind.Duplicate, "PC-2026-000001"));
        (await s.Store.QueryAsync(new TicketQuery(), default)).Should().ContainSingle();
        var ticket = (await s.Reopen().GetAsync("PC-2026-000001", default))!;
        ticket.History.Should().ContainSingle(e => e.Kind == TicketEventKind.DuplicateReceived).Which.SourceKey.Should().Be("k2");
        (await s.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(1);
        (await IsKnownAsync(s.Store, "k2")).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_ReusedMessageIdInOneBatch_SecondTicketWithNotesOnBoth_LaterCopyADuplicateOfIt(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        const string OtherBody = "Segnalo una frana sulla provinciale 17.";

        var outcomes = await s.Store.DispatchAsync(
            [StoreRequests.Mail("k1", messageId: ReusedId), StoreRequests.Mail("k2", messageId: ReusedId, body: OtherBody)], default);
        var copy = (await s.Reopen().DispatchAsync([StoreRequests.Mail("k3", messageId: ReusedId, body: OtherBody)], default)).Single();

        outcomes.Select(o => (o.Kind, o.TicketNumber)).Should().Equal(
            (DispatchOutcomeKind.Created, "PC-2026-000001"), (DispatchOutcomeKind.Created, "PC-2026-000002"));
        (await s.Store.GetAsync("PC-2026-000001", default))!.History.Should().ContainSingle(e => e.Kind == TicketEventKind.MessageIdReused)
            .Which.Detail.Should().Contain("PC-2026-000002");
        (await s.Store.GetAsync("PC-2026-000002", default))!.History.Should().ContainSingle(e => e.Kind == TicketEventKind.MessageIdReused)
            .Which.Detail.Should().Contain("PC-2026-000001");
        copy.Should().Be(new DispatchOutcome("k3", DispatchOutcomeKind.Duplicate, "PC-2026-000002"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_TwoReceiptLimitsInOneBatch_TheOtherDayCountsThisBatchsReceipts(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var today = new ReceiptDailyLimit(2, StoreRequests.Received.AddHours(-9));
        var sinceAnHourAgo = new ReceiptDailyLimit(2, StoreRequests.Received.AddHours(-1));

        await s.Store.DispatchAsync(
        [
            StoreRequests.Mail("k1", "Prima richiesta", receiptLimit: today),
            StoreRequests.Mail("k2", "Seconda richiesta", receiptLimit: today),
            StoreRequests.Mail("k3", "Terza richiesta", receiptLimit: sinceAnHourAgo),
        ], default);

        (await s.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(2, "the first two receipts of the batch count against the other limit too");
        (await s.Store.GetAsync("PC-2026-000003", default))!.History.Should().ContainSingle(e => e.Kind == TicketEventKind.ReceiptSuppressed)
            .Which.Detail.Should().Be(sinceAnHourAgo.Reason);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_ReplyAndDuplicateOfTicketCreatedEarlierInBatch_ChangesLandOnIt(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);

        var outcomes = await s.Store.DispatchAsync(
        [
            StoreRequests.Mail("k1", messageId: "<prima@example.it>"),
            StoreRequests.Mail("k2", "RE: [PC-2026-000001]", messageId: "<seconda@example.it>", body: "Aggiungo una foto."),
            StoreRequests.Mail("k3", "Altro", messageId: "<terza@example.it>", inReplyTo: "<seconda@example.it>", body: "E un'altra cosa."),
            StoreRequests.Mail("k4", "RE: [PC-2026-000001]", messageId: "<seconda@example.it>", body: "Aggiungo una foto."),
        ], default);

        outcomes.Select(o => (o.Kind, o.TicketNumber)).Should().Equal(
            (DispatchOutcomeKind.Created, "PC-2026-000001"), (DispatchOutcomeKind.FollowUpAppended, "PC-2026-000001"),
            (DispatchOutcomeKind.FollowUpAppended, "PC-2026-000001"), (DispatchOutcomeKind.Duplicate, "PC-2026-000001"));
        var ticket = (await s.Reopen().GetAsync("PC-2026-000001", default))!;
        ticket.Messages.Should().HaveCount(3);
        ticket.History.Should().ContainSingle(e => e.Kind == TicketEventKind.DuplicateReceived);
    }
}
