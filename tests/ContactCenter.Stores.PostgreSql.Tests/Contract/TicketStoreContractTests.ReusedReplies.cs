using ContactCenter.Testing.Storage;
using ContactCenter.Core.Storage;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

/// <summary>A reply naming a Message-ID that stands on several tickets goes to the one its sender corresponds on.</summary>
public sealed partial class TicketStoreContractTests
{
    private const string Giulia = "giulia.bianchi@example.it";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_ReplyToReusedMessageId_GoesToTheSendersOwnTicket_AStrangersToTheFirstFlagged(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: ReusedId)], default);
        // Her mailer reuses the ID for another request: a ticket of her own.
        await s.Store.DispatchAsync([StoreRequests.Mail("k2", "Frana", messageId: ReusedId, body: "Segnalo una frana sulla provinciale 17.", senderEmail: Giulia)], default);

        var outcomes = await s.Reopen().DispatchAsync(
        [
            StoreRequests.Mail("k3", "Re: Frana", messageId: "<r1@example.it>", inReplyTo: ReusedId, body: "La frana si allarga.", senderEmail: Giulia),
            StoreRequests.Mail("k4", "Re: scuole", messageId: "<r2@example.it>", inReplyTo: ReusedId, body: "Grazie."),
            StoreRequests.Mail("k5", "Re: scuole", messageId: "<r3@example.it>", inReplyTo: ReusedId, body: "Anche io.", senderEmail: "estraneo@example.org"),
        ], default);

        outcomes.Select(o => (o.Kind, o.TicketNumber)).Should().Equal(
            (DispatchOutcomeKind.FollowUpAppended, "PC-2026-000002"), (DispatchOutcomeKind.FollowUpAppended, "PC-2026-000001"),
            (DispatchOutcomeKind.FollowUpAppended, "PC-2026-000001"));
        var hers = (await s.Store.GetAsync("PC-2026-000002", default))!;
        hers.Messages.Select(m => m.TextBody).Should().Equal("Segnalo una frana sulla provinciale 17.", "La frana si allarga.");
        hers.NeedsReview.Should().BeFalse();
        var his = (await s.Store.GetAsync("PC-2026-000001", default))!;
        his.Messages.Select(m => m.FromDifferentSender).Should().Equal(false, false, true);
        his.NeedsReview.Should().BeTrue("no ticket under the ID knows the stranger: the first takes the reply, flagged");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_InReplyToOnAnothersTicket_ReferencesOnHers_GoesToHers(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync(
        [
            StoreRequests.Mail("k1", messageId: "<lui@example.it>"),
            StoreRequests.Mail("k2", "Frana", messageId: "<lei@example.it>", body: "Segnalo una frana.", senderEmail: Giulia),
        ], default);

        var outcome = (await s.Store.DispatchAsync(
            [StoreRequests.Mail("k3", "Re: Frana", inReplyTo: "<lui@example.it>", references: ["<lei@example.it>", "<lui@example.it>"], body: "Ancora.", senderEmail: Giulia)],
            default)).Single();

        outcome.Should().Be(new DispatchOutcome("k3", DispatchOutcomeKind.FollowUpAppended, "PC-2026-000002"));
        (await s.Store.GetAsync("PC-2026-000001", default))!.Messages.Should().ContainSingle();
    }
}
