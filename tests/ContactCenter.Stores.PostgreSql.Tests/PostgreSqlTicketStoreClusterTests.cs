using ContactCenter.Core.Receipts;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Stores.PostgreSql.Tests.Contract;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Testing.Storage;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests;

/// <summary>What only a shared database has to prove: several writers (nodes) on the same rows at once.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgreSqlTicketStoreClusterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Dispatch_TwoNodesRacingOnTheSameItems_OneTicketEachAndNoNumberTwice()
    {
        await using var s = await StoreUnderTest.CreateAsync(StoreProvider.PostgreSql, postgres);
        var nodeA = s.Store;
        var nodeB = s.OpenAnother();
        var items = Enumerable.Range(0, 60).Select(i => $"imap:a/INBOX/1/{i}").ToList();

        // Each node takes the items in batches of 6, in opposite orders, so batches overlap and collide.
        var a = Task.Run(() => DispatchAllAsync(nodeA, items));
        var b = Task.Run(() => DispatchAllAsync(nodeB, [.. Enumerable.Reverse(items)]));
        var outcomes = (await Task.WhenAll(a, b)).SelectMany(o => o).ToList();

        outcomes.Count(o => o.Kind == DispatchOutcomeKind.Created).Should().Be(60);
        outcomes.Count(o => o.Kind == DispatchOutcomeKind.Duplicate).Should().Be(60);
        var tickets = await nodeA.QueryAsync(new TicketQuery(), default);
        tickets.Should().HaveCount(60);
        tickets.Select(t => t.SourceKey).Should().BeEquivalentTo(items);
        tickets.Select(t => t.Sequence).Should().BeEquivalentTo(Enumerable.Range(1, 60), "numbers are unique and none is skipped");
        (await nodeB.CountOutboxAsync(pendingOnly: false, default)).Should().Be(60);
    }

    [Fact]
    public async Task Dispatch_TwoNodesCreatingAtOnce_EachBatchTakesItsNumbersFromTheLockedCounter()
    {
        await using var s = await StoreUnderTest.CreateAsync(StoreProvider.PostgreSql, postgres);
        var nodeB = s.OpenAnother();

        // Disjoint items, so nothing collides but the year's counter: each batch of 10 reserves its numbers at once.
        var a = Task.Run(() => DispatchAllAsync(s.Store, [.. Enumerable.Range(0, 100).Select(i => $"imap:a/INBOX/1/{i}")], 10));
        var b = Task.Run(() => DispatchAllAsync(nodeB, [.. Enumerable.Range(0, 100).Select(i => $"imap:b/INBOX/1/{i}")], 10));
        var outcomes = (await Task.WhenAll(a, b)).SelectMany(o => o).ToList();

        outcomes.Should().OnlyContain(o => o.Kind == DispatchOutcomeKind.Created);
        outcomes.Select(o => o.TicketNumber).Should().OnlyHaveUniqueItems();
        var tickets = await s.Store.QueryAsync(new TicketQuery { Limit = 500 }, default);
        tickets.Select(t => t.Sequence).Should().BeEquivalentTo(Enumerable.Range(1, 200), "numbers are unique and none is skipped");
        var next = (await nodeB.DispatchAsync([StoreRequests.Mail("after")], default)).Single();
        next.TicketNumber.Should().Be("PC-2026-000201", "the counter row holds the last number of the last batch");
    }

    [Fact]
    public async Task Dispatch_TwoNodesSameMessageIdDifferentSourceKeys_OneTicket()
    {
        await using var s = await StoreUnderTest.CreateAsync(StoreProvider.PostgreSql, postgres);
        var nodeB = s.OpenAnother();

        var outcomes = await Task.WhenAll(
            Task.Run(() => s.Store.DispatchAsync([StoreRequests.Mail("copy-1", messageId: "<same@example.it>")], default)),
            Task.Run(() => nodeB.DispatchAsync([StoreRequests.Mail("copy-2", messageId: "<same@example.it>")], default)));

        outcomes.SelectMany(o => o).Select(o => o.Kind).Should().BeEquivalentTo([DispatchOutcomeKind.Created, DispatchOutcomeKind.Duplicate]);
        (await s.Store.QueryAsync(new TicketQuery(), default)).Should().ContainSingle();
    }

    [Fact]
    public async Task Quarantine_TwoNodesSameItem_OneRecord()
    {
        await using var s = await StoreUnderTest.CreateAsync(StoreProvider.PostgreSql, postgres);
        var nodeB = s.OpenAnother();
        QuarantineRecord Record() => new() { SourceKey = "fax:1", ChannelName = "fax", Reason = "TIFF illeggibile" };

        var records = await Task.WhenAll(
            Task.Run(() => s.Store.QuarantineAsync(Record(), default)),
            Task.Run(() => nodeB.QuarantineAsync(Record(), default)));

        records[0].Id.Should().Be(records[1].Id);
        (await s.Store.ListQuarantineAsync(includeResolved: true, default)).Should().ContainSingle();
    }

    [Fact]
    public async Task Dispatch_QuarantinedItemRetriedOnTwoNodesAtOnce_AppliedOnce()
    {
        await using var s = await StoreUnderTest.CreateAsync(StoreProvider.PostgreSql, postgres);
        var nodeB = s.OpenAnother();
        await s.Store.DispatchAsync([StoreRequests.Mail("seed", receiptTo: null)], default);
        await s.Store.QuarantineAsync(new QuarantineRecord { SourceKey = "web:42", ChannelName = "posta", Reason = "normalizzatore fallito" }, default);
        // A follow-up without a Message-ID: no unique row of its own would stop a second copy.
        DispatchRequest Retry() => StoreRequests.Mail("web:42", subject: "Re: PC-2026-000001 scuole");

        // The ticket held by a third connection, so both nodes have read the item's state before either writes.
        await using var hold = await HoldAsync(s, "SELECT id FROM tickets FOR UPDATE");
        var a = Task.Run(() => s.Store.DispatchAsync([Retry()], default));
        var b = Task.Run(() => nodeB.DispatchAsync([Retry()], default));
        await Task.Delay(1500);
        await hold.DisposeAsync();
        var outcomes = (await Task.WhenAll(a, b)).SelectMany(o => o).ToList();

        outcomes.Select(o => o.Kind).Should().BeEquivalentTo([DispatchOutcomeKind.FollowUpAppended, DispatchOutcomeKind.Duplicate]);
        var ticket = (await s.Store.GetAsync("PC-2026-000001", default))!;
        ticket.Messages.Count(m => m.SourceKey == "web:42").Should().Be(1);
        ticket.History.Count(e => e.Kind == TicketEventKind.FollowUpAppended).Should().Be(1);
    }

    [Fact]
    public async Task Dispatch_TwoNodesQueuingReceiptsToOneSenderAtOnce_TheDailyLimitHoldsAcrossThem()
    {
        await using var s = await StoreUnderTest.CreateAsync(StoreProvider.PostgreSql, postgres);
        var nodeB = s.OpenAnother();
        await s.Store.DispatchAsync([StoreRequests.Mail("seed", receiptTo: null)], default);
        var limit = new ReceiptDailyLimit(3, StoreRequests.Received.AddHours(-9));
        IReadOnlyList<DispatchRequest> Batch(string node) =>
            [.. Enumerable.Range(1, 3).Select(i => StoreRequests.Mail($"{node}-{i}", $"Richiesta {node}{i}", receiptLimit: limit))];

        // The year's counter held by a third connection: both batches have read what they read before either writes.
        await using var hold = await HoldAsync(s, "SELECT year FROM counters FOR UPDATE");
        var a = Task.Run(() => s.Store.DispatchAsync(Batch("a"), default));
        var b = Task.Run(() => nodeB.DispatchAsync(Batch("b"), default));
        await Task.Delay(1500);
        await hold.DisposeAsync();
        await Task.WhenAll(a, b);

        (await s.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(3, "three receipts a day to one sender, however many nodes");
        var tickets = await s.Store.QueryAsync(new TicketQuery(), default);
        tickets.Count(t => t.History.Any(e => e.Kind == TicketEventKind.ReceiptSuppressed && e.Detail == limit.Reason)).Should().Be(3);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> in a transaction left open on a session of its own (not pooled): disposing the
    /// connection ends the session, and its locks with it.
    /// </summary>
    private async Task<NpgsqlConnection> HoldAsync(StoreUnderTest s, string sql)
    {
        var database = new NpgsqlConnectionStringBuilder(s.PostgreSql!.ConnectionString).Database!;
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionStringFor(database)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        return connection;
    }

    private static async Task<List<DispatchOutcome>> DispatchAllAsync(ITicketStore store, IReadOnlyList<string> keys, int batchSize = 6)
    {
        var outcomes = new List<DispatchOutcome>();
        foreach (var batch in keys.Chunk(batchSize))
        {
            outcomes.AddRange(await store.DispatchAsync([.. batch.Select(k => StoreRequests.Mail(k))], default));
        }

        return outcomes;
    }
}
