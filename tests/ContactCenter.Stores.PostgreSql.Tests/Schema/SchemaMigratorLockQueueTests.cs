using ContactCenter.Stores.PostgreSql.Schema;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests.Schema;

/// <summary>
/// An upgrade that alters the blobs table (schema 13) while a backup reads it: pg_dump holds every table until the
/// dump ends, and an ALTER queued behind it would have held every node's writes to that table queued behind itself.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class SchemaMigratorLockQueueTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Migrate_TableHeldByABackup_OtherWritesGoOnAndTheMigrationWaitsNamingIt()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var backup = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "pg_dump" }.ConnectionString);
        await AtVersion12Async(dataSource);
        await using var dump = await backup.OpenConnectionAsync();
        await using var dumping = await dump.BeginTransactionAsync();
        await using (var read = new NpgsqlCommand("SELECT count(*) FROM blobs", dump))
        {
            await read.ExecuteScalarAsync();
        }

        var logger = new RecordingLogger();
        var migration = Task.Run(() => SchemaMigrator.MigrateAsync(dataSource, logger, default,
            waitReportInterval: TimeSpan.FromMilliseconds(300), lockRetryDelay: TimeSpan.FromMilliseconds(100)));
        await Polling.UntilAsync(() => logger.Has(2917), TimeSpan.FromSeconds(30), () => "the migration never said what it waits for");
        for (var write = 0; write < 3; write++)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var timeout = new NpgsqlCommand("SET lock_timeout = '3s'", connection);
            await timeout.ExecuteNonQueryAsync();
            await using var insert = new NpgsqlCommand($"INSERT INTO blobs (sha256, size, content) VALUES ('node-write-{write}', 1, '\\x00')", connection);
            (await insert.ExecuteNonQueryAsync()).Should().Be(1, "a node's write does not queue behind the migration for the whole dump");
        }

        migration.IsCompleted.Should().BeFalse("the table stays held until the dump ends");
        await dumping.CommitAsync();

        (await migration).Should().Equal(13);
        (await dataSource.ScalarAsync("SELECT attstorage::text FROM pg_attribute WHERE attrelid = 'blobs'::regclass AND attname = 'content'"))
            .Should().Be("e");
        (await dataSource.ScalarAsync("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = 'blobs'::regclass")).Should().Be("toast_tuple_target=8160");
        var report = logger.Entries.First(e => e.Id.Id == 2917);
        report.Level.Should().Be(LogLevel.Warning);
        report.Message.Should().StartWith("Schema migration 13 (0013_blobs_uncompressed) has waited")
            .And.MatchRegex(@"pid \d+ \(pg_dump, 127\.0\.0\.1, idle in transaction since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)");
    }

    /// <summary>Migrated, then schema 13's change and its version taken away again.</summary>
    private static async Task AtVersion12Async(NpgsqlDataSource dataSource)
    {
        await SchemaMigrator.MigrateAsync(dataSource, NullLogger.Instance, default);
        SchemaMigrator.LatestVersion.Should().Be(13, "this test takes the database back one script");
        await dataSource.ScalarAsync("ALTER TABLE blobs ALTER COLUMN content SET STORAGE EXTENDED");
        await dataSource.ScalarAsync("ALTER TABLE blobs RESET (toast_tuple_target)");
        await dataSource.ScalarAsync("DELETE FROM cc_schema_version WHERE version >= 13");
    }
}
