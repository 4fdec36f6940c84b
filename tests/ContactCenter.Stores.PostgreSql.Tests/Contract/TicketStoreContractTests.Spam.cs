using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing.Storage;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task HoldSpam_SameSourceKeyTwice_OneRecordAndAcknowledgedSource(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var first = await s.Store.HoldSpamAsync(Spam("imap:a/INBOX/7/9", 17.5), default);
        var second = await s.Reopen().HoldSpamAsync(Spam("imap:a/INBOX/7/9", 3), default);

        second.Id.Should().Be(first.Id);
        second.Score.Should().Be(17.5);
        second.Verdict.Should().Contain("mail.spam.verdict", "spam");
        second.Original!.Sha256.Should().Be(new string('a', 64));
        // Known without a quarantine reason: a replay is acknowledged at the source, not moved aside.
        (await s.Store.FindKnownSourcesAsync(["imap:a/INBOX/7/9", "other"], default))
            .Should().Equal(new Dictionary<string, string?> { ["imap:a/INBOX/7/9"] = null });
        (await s.Store.ListSpamAsync(includeResolved: false, default)).Should().ContainSingle().Which.Status.Should().Be(SpamStatus.Held);
        (await s.Store.QueryAsync(new TicketQuery(), default)).Should().BeEmpty("spam opens no ticket");
        (await s.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_HeldSpamReleased_CreatesOneTicketAndResolvedRecordLeavesHeldList(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var record = await s.Store.HoldSpamAsync(Spam("k1", 16), default);
        await s.Store.HoldSpamAsync(Spam("k2", 20), default);

        var outcome = (await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default)).Single();
        var replay = (await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default)).Single();
        record.Status = SpamStatus.Released;
        record.ResultTicketNumber = outcome.TicketNumber;
        record.ResolvedBy = "operatore";
        (await s.Store.UpdateSpamAsync(record, SpamStatus.Held, default)).Should().BeTrue();

        outcome.Kind.Should().Be(DispatchOutcomeKind.Created);
        replay.Should().Be(new DispatchOutcome("k1", DispatchOutcomeKind.Duplicate, outcome.TicketNumber));
        (await s.Store.ListSpamAsync(includeResolved: false, default)).Select(r => r.SourceKey).Should().Equal("k2");
        (await s.Store.ListSpamAsync(includeResolved: true, default)).Should().HaveCount(2);
        var resolved = (await s.Reopen().GetSpamAsync(record.Id, default))!;
        resolved.Status.Should().Be(SpamStatus.Released);
        resolved.ResultTicketNumber.Should().Be(outcome.TicketNumber);
        (await s.Store.GetSpamAsync(999, default)).Should().BeNull();
        var missing = () => s.Store.UpdateSpamAsync(new SpamRecord { Id = 999, SourceKey = "x" }, SpamStatus.Held, default);
        await missing.Should().ThrowAsync<KeyNotFoundException>();
    }

    private static SpamRecord Spam(string sourceKey, double score) => new()
    {
        SourceKey = sourceKey,
        ChannelName = "urp",
        Channel = ChannelKind.Email,
        ReceivedAt = new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero),
        Sender = "offerte@spam.example",
        Subject = "Vinci subito",
        Score = score,
        Verdict = new Dictionary<string, string> { ["mail.spam.verdict"] = "spam", ["mail.spam.engine"] = "rspamd" },
        Original = new TicketAttachment { FileName = "message.eml", ContentType = "message/rfc822", Sha256 = new string('a', 64), Size = 10 },
        Status = SpamStatus.Held,
    };
}
