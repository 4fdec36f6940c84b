using ContactCenter.Testing.Storage;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Quarantine_SameSourceKeyTwice_OneRecordAndKnownSource(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var given = Record("imap:a/INBOX/7/9", "Messaggio illeggibile");
        var first = await s.Store.QuarantineAsync(given, default);
        var again = Record("imap:a/INBOX/7/9", "altro motivo");
        var second = await s.Reopen().QuarantineAsync(again, default);

        // The pipeline counts an item as quarantined only when the store returns the record it was given.
        first.Should().BeSameAs(given);
        second.Should().NotBeSameAs(again);
        second.Id.Should().Be(first.Id);
        second.Reason.Should().Be("Messaggio illeggibile");
        second.At.Should().Be(s.Time.GetUtcNow());
        (await s.Store.FindKnownSourcesAsync(["imap:a/INBOX/7/9", "other"], default))
            .Should().Equal(new Dictionary<string, string?> { ["imap:a/INBOX/7/9"] = "Messaggio illeggibile" });
        (await s.Store.ListQuarantineAsync(includeResolved: false, default)).Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UpdateQuarantine_Discarded_LeavesThePendingList(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var record = await s.Store.QuarantineAsync(Record("k1", "Troppo grande"), default);
        await s.Store.QuarantineAsync(Record("k2", "Troppo grande"), default);
        record.Status = QuarantineStatus.Discarded;
        record.ResolutionNote = "spam";
        record.ResolvedAt = s.Time.GetUtcNow();

        (await s.Store.UpdateQuarantineAsync(record, QuarantineStatus.Pending, default)).Should().BeTrue();

        (await s.Store.ListQuarantineAsync(includeResolved: false, default)).Select(r => r.SourceKey).Should().Equal("k2");
        (await s.Store.ListQuarantineAsync(includeResolved: true, default)).Should().HaveCount(2);
        (await s.Store.GetQuarantineAsync(record.Id, default))!.ResolutionNote.Should().Be("spam");
        (await s.Store.GetQuarantineAsync(999, default)).Should().BeNull();
        var missing = () => s.Store.UpdateQuarantineAsync(new QuarantineRecord { Id = 999, SourceKey = "x" }, QuarantineStatus.Pending, default);
        await missing.Should().ThrowAsync<KeyNotFoundException>();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_QuarantinedSourceKeyRetried_CreatesTicketAndResolvesRecord(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var record = await s.Store.QuarantineAsync(Record("k1", "Normalizzatore fallito"), default);

        var outcome = (await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default)).Single();
        var replay = (await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k1", DispatchOutcomeKind.Created, "PC-2026-000001"));
        replay.Kind.Should().Be(DispatchOutcomeKind.Duplicate);
        var resolved = (await s.Store.GetQuarantineAsync(record.Id, default))!;
        resolved.Status.Should().Be(QuarantineStatus.Retried);
        resolved.ResultTicketNumber.Should().Be("PC-2026-000001");
        (await s.Store.FindKnownSourcesAsync(["k1"], default)).Should().Equal(new Dictionary<string, string?> { ["k1"] = null });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FindKnownSources_OneCallForABatch_KnownKeysOnly_WithTheReasonOfUnresolvedQuarantine(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1"), StoreRequests.Mail("k2")], default);
        await s.Store.QuarantineAsync(Record("q1", "Troppo grande"), default);
        await s.Store.QuarantineAsync(Record("q2", "Normalizzatore fallito"), default);
        await s.Store.DispatchAsync([StoreRequests.Mail("q2")], default);
        var discarded = await s.Store.QuarantineAsync(Record("q3", "Allegato vietato"), default);
        discarded.Status = QuarantineStatus.Discarded;
        await s.Store.UpdateQuarantineAsync(discarded, QuarantineStatus.Pending, default);

        var known = await s.Store.FindKnownSourcesAsync(["new1", "k1", "q1", "q2", "k1", "q3", "new2"], default);

        known.Should().Equal(new Dictionary<string, string?> { ["k1"] = null, ["q1"] = "Troppo grande", ["q2"] = null, ["q3"] = "Allegato vietato" });
        (await s.Store.FindKnownSourcesAsync([], default)).Should().BeEmpty();
        (await s.Store.FindKnownSourcesAsync(["new1", "new2"], default)).Should().BeEmpty();
    }

    private static QuarantineRecord Record(string sourceKey, string reason) => new()
    {
        SourceKey = sourceKey,
        ChannelName = "posta",
        Channel = ChannelKind.Email,
        Reason = reason,
        Original = new TicketAttachment { FileName = "message.eml", Sha256 = new string('b', 64), Size = 10 },
    };
}
