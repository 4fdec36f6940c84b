using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing.Storage;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

/// <summary>
/// Mail without a Message-ID fetched again under a new source key (a new UIDVALIDITY, a message copied back to the
/// inbox): the same original in the same mailbox is the same item, known by <see cref="TicketDraft.SameItemKey"/>.
/// </summary>
public sealed partial class TicketStoreContractTests
{
    private static readonly string Original = new('b', 64);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_SameOriginalUnderNewSourceKey_OneTicketAndHistoryLineOnIt(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([WithoutMessageId("imap:u@h/INBOX/1/7")], default);

        var again = (await s.Reopen().DispatchAsync([WithoutMessageId("imap:u@h/INBOX/2/1")], default)).Single();

        again.Should().Be(new DispatchOutcome("imap:u@h/INBOX/2/1", DispatchOutcomeKind.Duplicate, "PC-2026-000001"));
        (await s.Store.QueryAsync(new TicketQuery(), default)).Should().ContainSingle();
        var ticket = (await s.Store.GetAsync("PC-2026-000001", default))!;
        ticket.History.Should().ContainSingle(e => e.Kind == TicketEventKind.DuplicateReceived)
            .Which.Detail.Should().Contain("imap:u@h/INBOX/2/1");
        (await s.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(1, "a duplicate queues no receipt");
        (await IsKnownAsync(s.Store, "imap:u@h/INBOX/2/1")).Should().BeTrue("the new key is acknowledged like any duplicate");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_SameOriginalTwiceInOneBatch_OneTicket(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);

        var outcomes = await s.Store.DispatchAsync([WithoutMessageId("imap:u@h/INBOX/1/7"), WithoutMessageId("imap:u@h/INBOX/1/8")], default);

        outcomes.Select(o => o.Kind).Should().Equal(DispatchOutcomeKind.Created, DispatchOutcomeKind.Duplicate);
        outcomes[1].TicketNumber.Should().Be(outcomes[0].TicketNumber);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_OtherOriginalOrOtherMailbox_OwnTicket(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([WithoutMessageId("imap:u@h/INBOX/1/7")], default);

        var outcomes = await s.Store.DispatchAsync(
            [WithoutMessageId("imap:u@h/INBOX/1/8", new string('c', 64)), WithoutMessageId("imap:pec@h/INBOX/1/7", channel: "pec")], default);

        outcomes.Select(o => o.Kind).Should().Equal(DispatchOutcomeKind.Created, DispatchOutcomeKind.Created);
        (await s.Store.QueryAsync(new TicketQuery(), default)).Should().HaveCount(3);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_SameOriginalOfAFollowUp_DuplicateOfTheTicketItJoined(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: "<orig@example.it>")], default);
        var reply = WithoutMessageId("imap:u@h/INBOX/1/9");
        reply.Draft.InReplyTo = "<orig@example.it>";
        await s.Store.DispatchAsync([reply], default);

        var again = WithoutMessageId("imap:u@h/INBOX/2/3");
        again.Draft.InReplyTo = "<orig@example.it>";
        var outcome = (await s.Store.DispatchAsync([again], default)).Single();

        outcome.Should().Be(new DispatchOutcome("imap:u@h/INBOX/2/3", DispatchOutcomeKind.Duplicate, "PC-2026-000001"));
        (await s.Store.GetAsync("PC-2026-000001", default))!.Messages.Should().HaveCount(2, "the reply joined once");
    }

    private static DispatchRequest WithoutMessageId(string sourceKey, string? sha256 = null, string channel = "posta")
    {
        var request = StoreRequests.Mail(sourceKey, channel: channel, originalSha256: sha256 ?? Original);
        request.Draft.SameItemKey = TicketDraft.OriginalKey(channel, request.Draft.Original);
        return request;
    }
}
