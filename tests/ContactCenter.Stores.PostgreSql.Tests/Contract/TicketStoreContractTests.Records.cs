using ContactCenter.Testing.Storage;
using ContactCenter.Core.Receipts;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

/// <summary>What a ticket records: the channel's metadata, whether its text is the sender's, and receipts within the sender's daily limit.</summary>
public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_DraftMetadata_StoredOnTicketAndMessage(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var request = StoreRequests.Mail("k1");
        request.Draft.Metadata["pec.id"] = "opec292.1@pec.gestore.example.it";
        request.Draft.Metadata["pec.acceptedAt"] = "2026-03-16T10:15:02+01:00";
        var followUp = StoreRequests.Mail("k2", "RE: [PC-2026-000001]");
        followUp.Draft.Metadata["pec.id"] = "opec292.2@pec.gestore.example.it";

        await s.Store.DispatchAsync([request, followUp], default);

        var ticket = (await s.Reopen().GetAsync("PC-2026-000001", default))!;
        ticket.Metadata.Should().Contain("pec.id", "opec292.1@pec.gestore.example.it")
            .And.Contain("pec.acceptedAt", "2026-03-16T10:15:02+01:00")
            .And.Contain(ContentFingerprint.DateMetadataKey, request.Draft.Metadata[ContentFingerprint.DateMetadataKey]);
        ticket.Metadata.Should().HaveCount(3);
        ticket.Messages.Select(m => m.Metadata.GetValueOrDefault("pec.id"))
            .Should().Equal("opec292.1@pec.gestore.example.it", "opec292.2@pec.gestore.example.it");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_TextUnavailable_StoredOnTheTicket(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var voicemail = StoreRequests.Mail("k1", "Messaggio in segreteria da +393331234567");
        voicemail.Draft.TextUnavailable = "Messaggio vocale da ascoltare: nessuna trascrizione";

        await s.Store.DispatchAsync([voicemail, StoreRequests.Mail("k2")], default);

        var store = s.Reopen();
        (await store.GetAsync("PC-2026-000001", default))!.TextUnavailable.Should().Be("Messaggio vocale da ascoltare: nessuna trascrizione");
        (await store.GetAsync("PC-2026-000002", default))!.TextUnavailable.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_DailyReceiptLimit_CountsOnlyReceiptsQueued_ThisBatchIncluded(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var limit = new ReceiptDailyLimit(2, StoreRequests.Received.AddHours(-9));

        var outcomes = await s.Store.DispatchAsync(
        [
            StoreRequests.Mail("k1", receiptLimit: limit),
            StoreRequests.Mail("k2", "RE: [PC-2026-000001]", receiptLimit: limit),
            StoreRequests.Mail("k3", "Seconda richiesta", receiptTo: "Mario.Rossi@Example.IT", receiptLimit: limit),
            StoreRequests.Mail("k4", "Terza richiesta", receiptLimit: limit),
        ], default);
        s.Time.Advance(TimeSpan.FromDays(1));
        var later = (await s.Store.DispatchAsync([StoreRequests.Mail("k5", "Il giorno dopo", receiptLimit: limit with { Since = s.Time.GetUtcNow() })], default)).Single();

        outcomes.Select(o => o.Kind).Should().Equal(
            DispatchOutcomeKind.Created, DispatchOutcomeKind.FollowUpAppended, DispatchOutcomeKind.Created, DispatchOutcomeKind.Created);
        (await s.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(3, "a follow-up uses no receipt, the third ticket of the day gets none");
        var third = (await s.Store.GetAsync("PC-2026-000003", default))!;
        third.History.Should().ContainSingle(e => e.Kind == TicketEventKind.ReceiptSuppressed).Which.Detail.Should().Be(limit.Reason);
        third.History.Should().NotContain(e => e.Kind == TicketEventKind.ReceiptQueued);
        (await s.Store.GetAsync(later.TicketNumber!, default))!.History.Should().Contain(e => e.Kind == TicketEventKind.ReceiptQueued);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_DailyReceiptLimit_CountsReceiptsOfEarlierBatches_PerAddress(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var limit = new ReceiptDailyLimit(2, StoreRequests.Received.AddHours(-9));
        await s.Store.DispatchAsync(
        [
            StoreRequests.Mail("k1", "Prima richiesta", receiptLimit: limit),
            StoreRequests.Mail("k2", "Seconda richiesta", receiptLimit: limit),
        ], default);

        // The next batch reads what earlier batches queued once for all its senders: Mario is at his limit, Anna is not.
        await s.Store.DispatchAsync(
        [
            StoreRequests.Mail("k3", "Terza richiesta", receiptTo: " MARIO.rossi@example.it", receiptLimit: limit),
            StoreRequests.Mail("k4", "Richiesta di Anna", receiptTo: "anna.bianchi@example.it", receiptLimit: limit),
            StoreRequests.Mail("k5", "Altra richiesta di Anna", receiptTo: "anna.bianchi@example.it", receiptLimit: limit),
            StoreRequests.Mail("k6", "Terza di Anna", receiptTo: "Anna.Bianchi@example.it", receiptLimit: limit),
        ], default);

        (await s.Store.CountReceiptsToAsync("mario.rossi@example.it", limit.Since, default)).Should().Be(2);
        (await s.Store.CountReceiptsToAsync("anna.bianchi@example.it", limit.Since, default)).Should().Be(2);
        foreach (var number in new[] { "PC-2026-000003", "PC-2026-000006" })
        {
            (await s.Store.GetAsync(number, default))!.History.Should().ContainSingle(e => e.Kind == TicketEventKind.ReceiptSuppressed)
                .Which.Detail.Should().Be(limit.Reason, $"{number} is its sender's third receipt of the day");
        }
    }
}
