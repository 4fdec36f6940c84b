using System.IO.Compression;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using ContactCenter.Testing.Storage;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

/// <summary>
/// A data folder made by an earlier version opens and works. The fixture was written by the store at commit da693c2
/// (the last one with Status and ChannelName ticket indexes): tickets PC-2026-000001..4 from mailbox "urp" (sources
/// imap:urp/1/1..5; Message-IDs a1, a2, a4 replying to a1, and a2 reused by a different message), receipts queued,
/// and imap:urp/1/6 quarantined as "MIME non leggibile".
/// </summary>
public sealed class LiteDbTicketStoreUpgradeTests : IDisposable
{
    private readonly TempDirectory _temp = new("cc-upgrade");
    private readonly StoreOptions _options;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero));

    public LiteDbTicketStoreUpgradeTests()
    {
        _options = new StoreOptions { DataDirectory = _temp.Combine("data"), TicketPrefix = "PC" };
        Directory.CreateDirectory(_options.DataDirectory);
        using var fixture = new GZipStream(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Storage", "LiteDb", "Fixtures", "store-da693c2.db.gz")), CompressionMode.Decompress);
        using var file = File.Create(_options.ResolvedDatabasePath);
        fixture.CopyTo(file);
    }

    [Fact]
    public void Open_StoreOfEarlierVersion_DropsTheRetiredTicketIndexes()
    {
        TicketIndexes().Should().Contain(StoreCollections.RetiredTicketIndexes, "the fixture must be a store that has them");

        Open().Dispose();

        TicketIndexes().Should().BeEquivalentTo(["_id", "Number", "SourceKey", "DueAt", "ReceivedAt"]);
    }

    [Fact]
    public async Task Open_StoreOfEarlierVersion_KnowsItsItems_NumbersOnAndAppendsFollowUps()
    {
        using var store = Open();

        (await store.FindKnownSourcesAsync(["imap:urp/1/1", "imap:urp/1/5", "imap:urp/1/6", "imap:urp/1/7"], default))
            .Should().Equal(new Dictionary<string, string?> { ["imap:urp/1/1"] = null, ["imap:urp/1/5"] = null, ["imap:urp/1/6"] = "MIME non leggibile" });
        var outcomes = await store.DispatchAsync(
        [
            StoreRequests.Mail("imap:urp/1/1", channel: "urp"),
            StoreRequests.Mail("imap:urp/1/7", channel: "urp", messageId: "<a7@example.it>"),
            StoreRequests.Mail("imap:urp/1/8", channel: "urp", messageId: "<a8@example.it>", inReplyTo: "<a1@example.it>", subject: "Re: Richiesta 1"),
        ], default);

        outcomes.Should().Equal(
            new DispatchOutcome("imap:urp/1/1", DispatchOutcomeKind.Duplicate, "PC-2026-000001"),
            new DispatchOutcome("imap:urp/1/7", DispatchOutcomeKind.Created, "PC-2026-000005"),
            new DispatchOutcome("imap:urp/1/8", DispatchOutcomeKind.FollowUpAppended, "PC-2026-000001"));
        (await store.GetAsync("PC-2026-000001", default))!.Messages.Select(m => m.MessageId).Should().Equal("a1@example.it", "a4@example.it", "a8@example.it");
        (await store.GetAsync("PC-2026-000004", default))!.History.Should().Contain(e => e.Kind == TicketEventKind.MessageIdReused);
    }

    [Fact]
    public async Task Query_StoreOfEarlierVersion_FiltersByStatusAndChannelWithoutTheirIndexes()
    {
        using var store = Open();
        await store.UpdateAsync("PC-2026-000002", t =>
        {
            t.Status = TicketStatus.Closed;
            return new TicketEvent { Kind = TicketEventKind.Closed, Actor = "operatore1" };
        }, default);

        var open = await store.QueryAsync(new TicketQuery { Status = TicketStatus.Open, ChannelName = "urp", Limit = 2 }, default);
        var closed = await store.QueryAsync(new TicketQuery { Status = TicketStatus.Closed }, default);
        var otherChannel = await store.QueryAsync(new TicketQuery { ChannelName = "posta" }, default);

        open.Select(t => t.Number).Should().Equal("PC-2026-000001", "PC-2026-000003");
        closed.Select(t => t.Number).Should().Equal("PC-2026-000002");
        otherChannel.Should().BeEmpty();
    }

    [Fact]
    public async Task Open_SentReceiptsOfEarlierVersions_AreParkedOutOfTheDueRange()
    {
        var now = _time.GetUtcNow();
        using (var store = Open())
        {
            // Sent as an earlier version did: the row keeps its last attempt's time, so every later due range held it.
            var row = (await store.GetDueOutboxAsync(now.AddYears(10), 10, default))[0];
            row.SentAt = now;
            row.Attempts = 1;
            await store.UpdateOutboxAsync(row, null, default);
        }

        Open().Dispose();

        using var db = new LiteDatabase(new ConnectionString { Filename = _options.ResolvedDatabasePath, Connection = ConnectionType.Direct, Collation = new Collation("en-US/Ordinal") });
        var rows = db.GetCollection("outbox").FindAll().ToList();
        rows.Should().HaveCountGreaterThan(1, "the fixture has receipts queued");
        rows.Where(r => !r["SentAt"].IsNull).Select(r => r["NextAttemptAt"].AsInt64).Should().Equal(NeverDue.At.UtcTicks);
        rows.Where(r => r["SentAt"].IsNull).Should().OnlyContain(r => r["NextAttemptAt"].AsInt64 < NeverDue.At.UtcTicks, "unsent receipts stay due");
    }

    private LiteDbTicketStore Open() => new(_options, _time, NullLogger<LiteDbTicketStore>.Instance);

    private List<string> TicketIndexes()
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = _options.ResolvedDatabasePath, Connection = ConnectionType.Direct, Collation = new Collation("en-US/Ordinal") });
        return [.. db.GetCollection("$indexes").Find("$.collection = 'tickets'").Select(d => d["name"].AsString)];
    }

    public void Dispose() => _temp.Dispose();
}
