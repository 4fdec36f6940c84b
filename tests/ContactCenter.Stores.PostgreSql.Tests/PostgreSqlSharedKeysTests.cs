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

    [Fact]
    public async Task SecretsKey_ValuesSealedInTheTable_EveryNodeWithTheKeyReadsThemInTheClear()
    {
        var database = await StoreUnderTest.AsNodeAsync(postgres.Server);
        await using var nodeA = NpgsqlDataSource.Create(database);
        await using var nodeB = NpgsqlDataSource.Create(database);
        var key = NewKey();
        var (a, b) = (Keyed(nodeA, key), Keyed(nodeB, key));

        a.Add("webform/dataprotection/key-1", "<key>ring secret</key>");
        a.GetOrAdd("webform/tracking", "tracking-secret").Should().Be("tracking-secret");
        await a.SetAsync("oauth2/refresh-token-urp-user", "rt-1", default);
        await b.RemoveAsync("oauth2/refresh-token-urp-user", "rt-0", default);

        b.List("webform/dataprotection/").Should().Equal(["<key>ring secret</key>"]);
        b.GetOrAdd("webform/tracking", "another").Should().Be("tracking-secret", "the value kept, opened");
        (await b.GetAsync("oauth2/refresh-token-urp-user", default)).Should().Be("rt-1", "only the value it still holds is removed");
        await b.RemoveAsync("oauth2/refresh-token-urp-user", "rt-1", default);
        (await a.GetAsync("oauth2/refresh-token-urp-user", default)).Should().BeNull();
        var stored = await RawAsync(nodeA);
        stored.Should().HaveCount(2).And.OnlyContain(v => v.StartsWith(SharedKeysCipher.Prefix, StringComparison.Ordinal));
        stored.Should().NotContain(v => v.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecretsKey_ConfiguredLater_PlainValuesSealedAtFirstUse_ANodeWithoutIt_OrWithAnother_IsToldWhich()
    {
        var database = await StoreUnderTest.AsNodeAsync(postgres.Server);
        await using var dataSource = NpgsqlDataSource.Create(database);
        var before = new PostgreSqlSharedKeys(dataSource, NullLogger.Instance);
        before.Add("webform/dataprotection/key-1", "<key>written before</key>");
        await before.SetAsync("oauth2/refresh-token-urp-user", "rt-plain", default);

        var keyed = Keyed(dataSource, NewKey());
        (await keyed.GetAsync("oauth2/refresh-token-urp-user", default)).Should().Be("rt-plain");

        (await RawAsync(dataSource)).Should().HaveCount(2).And.OnlyContain(v => v.StartsWith(SharedKeysCipher.Prefix, StringComparison.Ordinal));
        keyed.List("webform/dataprotection/").Should().Equal(["<key>written before</key>"]);
        var withoutKey = () => new PostgreSqlSharedKeys(dataSource, NullLogger.Instance).List("webform/");
        withoutKey.Should().Throw<InvalidOperationException>().WithMessage("*'webform/dataprotection/key-1' is encrypted*SecretsKeyFile*");
        var anotherKey = () => Keyed(dataSource, NewKey()).GetAsync("oauth2/refresh-token-urp-user", default);
        await anotherKey.Should().ThrowAsync<InvalidOperationException>().WithMessage("*was sealed with key *, which this node's*SecretsKeyFile does not hold*");
    }

    [Fact]
    public async Task SecretsKey_Rotated_NewKeyFirst_EverythingSealedAgain_ThenTheOldKeyAloneNoLongerOpens()
    {
        await using var dataSource = NpgsqlDataSource.Create(await StoreUnderTest.AsNodeAsync(postgres.Server));
        var (oldKey, newKey) = (NewKey(), NewKey());
        var before = Keyed(dataSource, oldKey);
        before.Add("webform/dataprotection/key-1", "<key>ring</key>");
        await before.SetAsync("oauth2/refresh-token-urp-user", "rt-1", default);
        var sealedBefore = await RawAsync(dataSource);

        var rotating = Keyed(dataSource, newKey + "\n" + oldKey);
        (await rotating.GetAsync("oauth2/refresh-token-urp-user", default)).Should().Be("rt-1", "the old key still opens");
        var sealedAfter = await RawAsync(dataSource);
        var afterRotation = Keyed(dataSource, newKey);

        // "aes256gcm:" and the key's identifier: one sealing key before, another after.
        var keyBefore = sealedBefore.Select(KeyIdOf).Distinct().Should().ContainSingle().Subject;
        sealedAfter.Select(KeyIdOf).Distinct().Should().ContainSingle().Which.Should().NotBe(keyBefore, "every value is sealed again under the new key");
        afterRotation.List("webform/dataprotection/").Should().Equal(["<key>ring</key>"]);
        (await afterRotation.GetAsync("oauth2/refresh-token-urp-user", default)).Should().Be("rt-1");
        var oldOnly = () => Keyed(dataSource, oldKey).GetAsync("oauth2/refresh-token-urp-user", default);
        await oldOnly.Should().ThrowAsync<InvalidOperationException>().WithMessage("*sealed with key*does not hold*");
    }

    [Fact]
    public async Task SecretsKey_SealedValueMovedUnderAnotherName_DoesNotOpen()
    {
        await using var dataSource = NpgsqlDataSource.Create(await StoreUnderTest.AsNodeAsync(postgres.Server));
        var keys = Keyed(dataSource, NewKey());
        await keys.SetAsync("oauth2/refresh-token-urp-user", "rt-urp", default);
        await keys.SetAsync("oauth2/refresh-token-pec-user", "rt-pec", default);
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var command = new NpgsqlCommand(
            "UPDATE shared_keys SET value = (SELECT value FROM shared_keys WHERE name = 'oauth2/refresh-token-urp-user') WHERE name = 'oauth2/refresh-token-pec-user'", connection))
        {
            (await command.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var read = () => keys.GetAsync("oauth2/refresh-token-pec-user", default);

        await read.Should().ThrowAsync<InvalidOperationException>().WithMessage("*'oauth2/refresh-token-pec-user'*altered or moved*");
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAAAAAAAAAAAAAAA")]
    public async Task SecretsKey_SealedValueCutShortOrNotBase64_SaysAltered_TheOtherKeysStillRead(string altered)
    {
        await using var dataSource = NpgsqlDataSource.Create(await StoreUnderTest.AsNodeAsync(postgres.Server));
        var (oldKey, newKey) = (NewKey(), NewKey());
        var before = Keyed(dataSource, oldKey);
        await before.SetAsync("oauth2/refresh-token-urp-user", "rt-urp", default);
        await before.SetAsync("oauth2/refresh-token-pec-user", "rt-pec", default);
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var command = new NpgsqlCommand(
            "UPDATE shared_keys SET value = split_part(value, ':', 1) || ':' || split_part(value, ':', 2) || ':' || @altered WHERE name = 'oauth2/refresh-token-pec-user'", connection))
        {
            command.Parameters.AddWithValue("altered", altered);
            (await command.ExecuteNonQueryAsync()).Should().Be(1);
        }

        // The node that rotates seals every value the old key sealed, at first use; the altered one is left to say so.
        var rotating = Keyed(dataSource, newKey + "\n" + oldKey);

        (await rotating.GetAsync("oauth2/refresh-token-urp-user", default)).Should().Be("rt-urp");
        var read = () => rotating.GetAsync("oauth2/refresh-token-pec-user", default);
        await read.Should().ThrowAsync<InvalidOperationException>().WithMessage("*'oauth2/refresh-token-pec-user'*altered or moved*");
        (await RawAsync(dataSource)).Select(KeyIdOf).Distinct().Should().HaveCount(2, "the value that opened is sealed again under the new key, the altered one is kept as found");
    }

    private static PostgreSqlSharedKeys Keyed(NpgsqlDataSource dataSource, string keys) =>
        new(dataSource, NullLogger.Instance, SharedKeysCipher.From(new PostgreSqlStoreOptions { SecretsKeyEnvironmentVariable = TestSecretsKey.Create(keys).Variable }));

    private static string KeyIdOf(string stored) => stored.Split(':')[1];

    private static string NewKey() => TestSecretsKey.NewKey();

    private static async Task<List<string>> RawAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT value FROM shared_keys ORDER BY name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
