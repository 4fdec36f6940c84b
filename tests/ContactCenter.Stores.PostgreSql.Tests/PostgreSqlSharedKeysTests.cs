using ContactCenter.Stores.PostgreSql.Tests.Contract;
using ContactCenter.Testing.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests;

/// <summary>The cluster's shared secrets, with two nodes (data sources) on one database, as the least-privilege node role.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgreSqlSharedKeysTests(PostgresFixture postgres)
{
    [Fact]
    public async Task GetOrAdd_TwoNodesAtOnce_EveryCallerGetsTheOneValueKept()
    {
        var database = await StoreUnderTest.AsNodeAsync(postgres.Server);
        await using var nodeA = NpgsqlDataSource.Create(database);
        await using var nodeB = NpgsqlDataSource.Create(database);
        var keys = new[] { new PostgreSqlSharedKeys(nodeA, NullLogger.Instance), new PostgreSqlSharedKeys(nodeB, NullLogger.Instance) };

        var got = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => keys[i % 2].GetOrAdd("webform/tracking", $"offered-{i}"))));

        got.Distinct().Should().ContainSingle("the first value kept is every node's");
        got[0].Should().StartWith("offered-");
        keys[1].GetOrAdd("webform/tracking", "later").Should().Be(got[0], "a value once kept is never replaced");
    }

    [Fact]
    public async Task List_ByPrefix_OldestFirst_WildcardsInTheNameTakenLiterally()
    {
        await using var dataSource = NpgsqlDataSource.Create(await StoreUnderTest.AsNodeAsync(postgres.Server));
        var keys = new PostgreSqlSharedKeys(dataSource, NullLogger.Instance);
        keys.Add("ring_/key-2", "second");
        keys.Add("ring_/key-1", "third");
        keys.Add("ringX/key-0", "not in the ring");
        keys.Add("ring_/key-2", "replaced?");

        keys.List("ring_/").Should().Equal(["second", "third"], "oldest first; '_' is no wildcard; a name is kept once");
        keys.List("other/").Should().BeEmpty();
    }

    [Fact]
    public async Task SetAndRemove_ReplacedValueNotRemovedByWhoeverHeldTheOldOne()
    {
        var database = await StoreUnderTest.AsNodeAsync(postgres.Server);
        await using var nodeA = NpgsqlDataSource.Create(database);
        await using var nodeB = NpgsqlDataSource.Create(database);
        var (a, b) = (new PostgreSqlSharedKeys(nodeA, NullLogger.Instance), new PostgreSqlSharedKeys(nodeB, NullLogger.Instance));

        await a.SetAsync("oauth2/urp", "rt-1", default);
        await b.SetAsync("oauth2/urp", "rt-2", default);
        await a.RemoveAsync("oauth2/urp", "rt-1", default);

        (await a.GetAsync("oauth2/urp", default)).Should().Be("rt-2", "A removed what it held, and B had replaced it meanwhile");
        await b.RemoveAsync("oauth2/urp", "rt-2", default);
        (await a.GetAsync("oauth2/urp", default)).Should().BeNull();
    }

    [Fact]
    public async Task Exclusively_TwoNodes_NeverAtTheSameTime()
    {
        var database = await StoreUnderTest.AsNodeAsync(postgres.Server);
        await using var nodeA = NpgsqlDataSource.Create(database);
        await using var nodeB = NpgsqlDataSource.Create(database);
        var keys = new[] { new PostgreSqlSharedKeys(nodeA, NullLogger.Instance), new PostgreSqlSharedKeys(nodeB, NullLogger.Instance) };
        var inside = 0;
        var most = 0;
        var other = 0;

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await keys[i % 2].ExclusivelyAsync("dataprotection", async _ =>
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Delay(50);
                return Interlocked.Decrement(ref inside);
            }, default);
            await keys[i % 2].ExclusivelyAsync("another", _ => Task.FromResult(Interlocked.Increment(ref other)), default);
        })));

        most.Should().Be(1, "one section at a time across both nodes");
        other.Should().Be(6, "another name is another lock, and every lock was released");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
