using ContactCenter.Stores.PostgreSql.Schema;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests.Schema;

/// <summary>
/// An upgrade that adds an index to the tickets table while other nodes are ingesting: their writes must not queue
/// behind the build (on a large table it takes minutes), and a build cut short must not leave an invalid index behind.
/// Each test takes a database back to version 7, before the review and sender indexes, with a node mid-batch.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class SchemaMigratorIndexBuildTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly string[] Indexes = ["tickets_review", "tickets_sender"];
    private readonly List<NpgsqlConnection> batches = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in batches)
        {
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task Migrate_IndexAddedWhileANodeIsMidBatch_OtherWritesDoNotWait()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        await AtVersion7Async(dataSource);
        await using var midBatch = await BeginBatchAsync(dataSource, "PC-2026-000001");

        var migration = Task.Run(() => SchemaMigrator.MigrateAsync(dataSource, NullLogger.Instance, default));
        await BuildWaitingForOlderWritersAsync(dataSource);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            // A plain CREATE INDEX would hold its lock request ahead of this insert until the batch above commits.
            await using var timeout = new NpgsqlCommand("SET lock_timeout = '3s'", connection);
            await timeout.ExecuteNonQueryAsync();
            await using var insert = InsertTicket(connection, "PC-2026-000002");
            (await insert.ExecuteNonQueryAsync()).Should().Be(1);
        }

        migration.IsCompleted.Should().BeFalse("the build waits for the batch that began before it");
        await midBatch.CommitAsync();

        (await migration).Should().Equal(FromVersion8);
        (await InvalidIndexesAsync(dataSource)).Should().Be(0);
        (await dataSource.ScalarAsync("SELECT count(*) FROM tickets")).Should().Be(2L);
    }

    [Fact]
    public async Task Migrate_SecondNodeStartsDuringTheBuild_WaitsForItWithoutDeadlock()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var otherNode = NpgsqlDataSource.Create(connectionString);
        await AtVersion7Async(dataSource);
        await using var midBatch = await BeginBatchAsync(dataSource, "PC-2026-000001");

        var first = Task.Run(() => SchemaMigrator.MigrateAsync(dataSource, NullLogger.Instance, default));
        await BuildWaitingForOlderWritersAsync(dataSource);
        var second = Task.Run(() => SchemaMigrator.MigrateAsync(otherNode, NullLogger.Instance, default));
        await Task.Delay(TimeSpan.FromSeconds(2)); // past deadlock_timeout (1 s), when the server looks for a cycle
        await midBatch.CommitAsync();

        var applied = await Task.WhenAll(first, second);

        applied[0].Should().Equal(FromVersion8);
        applied[1].Should().BeEmpty("the second node found the schema current once the first was done");
        (await InvalidIndexesAsync(dataSource)).Should().Be(0);
    }

    [Fact]
    public async Task Migrate_BuildWaitsForAForgottenTransaction_LogsWhichSessionHoldsIt()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var forgotten = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "psql-dimenticato" }.ConnectionString);
        await AtVersion7Async(dataSource);
        await using var idleInTransaction = await BeginBatchAsync(forgotten, "PC-2026-000001");
        var logger = new RecordingLogger();

        var migration = Task.Run(() => SchemaMigrator.MigrateAsync(dataSource, logger, default, waitReportInterval: TimeSpan.FromMilliseconds(200)));
        await BuildWaitingForOlderWritersAsync(dataSource);
        await Polling.UntilAsync(() => logger.Has(2914), TimeSpan.FromSeconds(30), () => "the build never reported what it waits for");
        await idleInTransaction.CommitAsync();
        await migration;

        var report = logger.Entries.First(e => e.Id.Id == 2914);
        report.Level.Should().Be(LogLevel.Warning);
        report.Message.Should().StartWith("Schema migration 8 (0008_review_index) waits for 1 session(s)")
            .And.MatchRegex(@"pid \d+ \(psql-dimenticato, 127\.0\.0\.1, idle in transaction since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)");
    }

    /// <summary>
    /// A node of the release before this one waited on the lock inside a transaction, blocking where the build must wait
    /// for it: the server fails one of the two, and a second attempt (each node's start tries again) finishes the job.
    /// </summary>
    [Fact]
    public async Task Migrate_EarlierReleaseStartsDuringTheBuild_DeadlockEndsAndTheRetryFinishes()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await AtVersion7Async(dataSource);
        await using var midBatch = await BeginBatchAsync(dataSource, "PC-2026-000001");

        var migration = Task.Run(() => SchemaMigrator.MigrateAsync(dataSource, NullLogger.Instance, default));
        await BuildWaitingForOlderWritersAsync(dataSource);
        var earlierRelease = Task.Run(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var wait = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({MigrationLock.Key})", connection);
            await wait.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        });
        await WaitUntilAsync(dataSource, "SELECT true FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", "the earlier release never waited on the lock");
        await midBatch.CommitAsync();

        var failures = new List<PostgresException>();
        foreach (var attempt in new[] { migration, earlierRelease })
        {
            try
            {
                await attempt;
            }
            catch (PostgresException e)
            {
                failures.Add(e);
            }
        }

        var retry = await SchemaMigrator.MigrateAsync(dataSource, NullLogger.Instance, default);

        failures.Should().ContainSingle().Which.SqlState.Should().Be(PostgresErrorCodes.DeadlockDetected);
        (await dataSource.ScalarAsync("SELECT max(version) FROM cc_schema_version")).Should().Be(SchemaMigrator.LatestVersion);
        (await InvalidIndexesAsync(dataSource)).Should().Be(0);
        (migration.IsCompletedSuccessfully ? await migration : retry).Should().Equal(FromVersion8);
    }

    [Fact]
    public async Task Migrate_IndexBuildCancelled_NextMigrationDropsTheInvalidIndexAndBuildsItAgain()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await AtVersion7Async(dataSource);
        await using var midBatch = await BeginBatchAsync(dataSource, "PC-2026-000001");

        var migration = Task.Run(() => SchemaMigrator.MigrateAsync(dataSource, NullLogger.Instance, default));
        var build = await BuildWaitingForOlderWritersAsync(dataSource);
        await dataSource.ScalarAsync($"SELECT pg_cancel_backend({build})");
        (await migration.Invoking(m => m).Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.QueryCanceled);
        await midBatch.CommitAsync();
        (await InvalidIndexesAsync(dataSource)).Should().Be(1, "the cancelled build left its index behind, unusable");

        // Another node: the failed migration released its lock.
        await using var otherNode = NpgsqlDataSource.Create(connectionString);
        var applied = await SchemaMigrator.MigrateAsync(otherNode, NullLogger.Instance, default);

        applied.Should().Equal(FromVersion8);
        (await InvalidIndexesAsync(dataSource)).Should().Be(0);
        (await dataSource.ScalarAsync("SELECT count(*) FROM pg_index WHERE indexrelid::regclass::text IN ('tickets_review', 'tickets_sender')")).Should().Be(2L);
    }

    [Fact]
    public void Scripts_OutsideATransaction_EachStatementBuildsItsIndexConcurrently()
    {
        var scripts = SchemaMigrator.Scripts.Where(s => s.OutsideTransaction).ToList();

        scripts.Select(s => s.Version).Should().Equal(8, 9);
        scripts.SelectMany(s => s.Statements).Select(MigrationScript.IndexBuiltConcurrently).Should().Equal(Indexes);
        SchemaMigrator.Scripts.Where(s => !s.OutsideTransaction).Should().NotContain(s => s.Text.Contains("CONCURRENTLY", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The scripts a database at version 7 is migrated with: the two index builds and any that came after them.</summary>
    private static IEnumerable<int> FromVersion8 => Enumerable.Range(8, SchemaMigrator.LatestVersion - 7);

    /// <summary>Migrated, then the two indexes, what later scripts made and their versions taken away again.</summary>
    private static async Task AtVersion7Async(NpgsqlDataSource dataSource)
    {
        await SchemaMigrator.MigrateAsync(dataSource, NullLogger.Instance, default);
        await dataSource.ScalarAsync("DROP INDEX tickets_review, tickets_sender");
        await dataSource.ScalarAsync("DROP TABLE node_versions, shared_keys, rate_windows");
        await dataSource.ScalarAsync("DELETE FROM cc_schema_version WHERE version >= 8");
    }

    /// <summary>A node's dispatch transaction, one ticket written and not yet committed.</summary>
    private async Task<NpgsqlTransaction> BeginBatchAsync(NpgsqlDataSource dataSource, string number)
    {
        var connection = await dataSource.OpenConnectionAsync();
        batches.Add(connection);
        var transaction = await connection.BeginTransactionAsync();
        await using var insert = InsertTicket(connection, number);
        await insert.ExecuteNonQueryAsync();
        return transaction;
    }

    private static NpgsqlCommand InsertTicket(NpgsqlConnection connection, string number) => new(
        "INSERT INTO tickets (number, year, sequence, source_key, status, channel_name, received_at, due_at, doc) "
        + $"VALUES ('{number}', 2026, {int.Parse(number[^6..], System.Globalization.CultureInfo.InvariantCulture)}, '{number}', 'New', 'urp', now(), now(), "
        + "jsonb_build_object('NeedsReview', 'true'))",
        connection);

    /// <summary>The backend building the index, once it waits for the batch that began before it (a lock wait either way it is built).</summary>
    private static async Task<int> BuildWaitingForOlderWritersAsync(NpgsqlDataSource dataSource) =>
        (int)await WaitUntilAsync(dataSource,
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%CREATE INDEX%' AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
            "the index build never waited for the open batch");

    /// <summary>The first non-null value <paramref name="sql"/> returns within 30 s.</summary>
    private static Task<object> WaitUntilAsync(NpgsqlDataSource dataSource, string sql, string never) =>
        Polling.ForAsync(() => dataSource.ScalarAsync(sql), TimeSpan.FromSeconds(30), () => never);

    private static async Task<long> InvalidIndexesAsync(NpgsqlDataSource dataSource) =>
        (long)(await dataSource.ScalarAsync("SELECT count(*) FROM pg_index WHERE NOT indisvalid AND indrelid = 'tickets'::regclass"))!;
}
