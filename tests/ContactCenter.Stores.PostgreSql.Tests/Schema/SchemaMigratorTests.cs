using ContactCenter.Stores.PostgreSql.Schema;
using ContactCenter.Testing.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests.Schema;

[Collection(PostgresFixture.Collection)]
public sealed class SchemaMigratorTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Migrate_ThreeNodesStartingTogether_EachScriptAppliedOnce()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var sources = Enumerable.Range(0, 3).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();

        var applied = await Task.WhenAll(sources.Select(ds => Task.Run(() => SchemaMigrator.MigrateAsync(ds, NullLogger.Instance, default))));
        var again = await SchemaMigrator.MigrateAsync(sources[0], NullLogger.Instance, default);

        applied.SelectMany(a => a).Should().BeEquivalentTo(SchemaMigrator.Scripts.Select(s => s.Version), "each script ran on exactly one node");
        again.Should().BeEmpty();
        await using var connection = await sources[0].OpenConnectionAsync();
        (await SchemaMigrator.CurrentVersionAsync(connection, default)).Should().Be(SchemaMigrator.LatestVersion);
        await using var quartz = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz_%'", connection);
        ((long)(await quartz.ExecuteScalarAsync())!).Should().Be(15, "the Quartz job store tables come with the schema");
        sources.ForEach(ds => ds.Dispose());
    }

    [Fact]
    public async Task Migrate_DatabaseFromANewerProgram_RefusesNamingBothVersions()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await SchemaMigrator.MigrateAsync(dataSource, NullLogger.Instance, default);
        await using (var command = dataSource.CreateCommand("INSERT INTO cc_schema_version (version, name) VALUES (999, '0999_future')"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var act = () => SchemaMigrator.MigrateAsync(dataSource, NullLogger.Instance, default);

        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage($"*version 999*({SchemaMigrator.LatestVersion})*");
    }

    /// <summary>
    /// Never compressed: originals are mostly PDFs, images and base64 parts, which lz4 and pglz both tried whole before
    /// storing them as they were, at twice the server's CPU of an uncompressed insert. A small one stays in its row.
    /// </summary>
    [Fact]
    public async Task Migrate_BlobContent_UncompressedAndSmallOnesInTheirRow()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await SchemaMigrator.MigrateAsync(dataSource, NullLogger.Instance, default);
        await dataSource.ScalarAsync("INSERT INTO blobs (sha256, size, content) VALUES ('small', 6000, convert_to(repeat('Buongiorno, ', 500), 'UTF8'))");
        var toast = (string)(await dataSource.ScalarAsync("SELECT reltoastrelid::regclass::text FROM pg_class WHERE oid = 'blobs'::regclass"))!;
        var toastRowsWithSmall = await dataSource.ScalarAsync($"SELECT count(*) FROM {toast}");
        await dataSource.ScalarAsync("INSERT INTO blobs (sha256, size, content) VALUES ('large', 40000, convert_to(repeat('Buongiorno, ', 3334), 'UTF8'))");

        (await dataSource.ScalarAsync("SELECT attstorage::text FROM pg_attribute WHERE attrelid = 'blobs'::regclass AND attname = 'content'"))
            .Should().Be("e", "EXTERNAL: never compressed");
        (await dataSource.ScalarAsync("SELECT count(*) FROM blobs WHERE pg_column_compression(content) IS NOT NULL")).Should().Be(0L,
            "even a text that would compress is stored as it came");
        toastRowsWithSmall.Should().Be(0L, "a 6 kB blob stays in its row");
        (await dataSource.ScalarAsync($"SELECT count(*) FROM {toast}")).Should().Be(21L, "40,008 bytes out of line, in chunks of 1,996");
    }

    /// <summary>lz4, not pglz: a ticket's document passes the TOAST threshold, and pglz was the server's costliest function in ingest.</summary>
    [Fact]
    public async Task Migrate_TicketDocuments_CompressedWithLz4()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await SchemaMigrator.MigrateAsync(dataSource, NullLogger.Instance, default);
        await using (var insert = dataSource.CreateCommand(
            "INSERT INTO tickets (number, year, sequence, source_key, status, channel_name, received_at, due_at, doc) "
            + "VALUES ('PC-2026-000001', 2026, 1, 'k', 'New', 'urp', now(), now(), jsonb_build_object('body', repeat('Buongiorno, ', 400)))"))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await using var columns = dataSource.CreateCommand(
            "SELECT string_agg(DISTINCT attcompression::text, ',') FROM pg_attribute WHERE attname = 'doc' "
            + "AND attrelid IN ('tickets'::regclass, 'outbox'::regclass, 'quarantine'::regclass, 'auto_mail'::regclass, 'spam'::regclass, 'webhooks'::regclass)");
        await using var stored = dataSource.CreateCommand("SELECT pg_column_compression(doc) FROM tickets WHERE number = 'PC-2026-000001'");

        (await columns.ExecuteScalarAsync()).Should().Be("l", "every document column compresses with lz4");
        (await stored.ExecuteScalarAsync()).Should().Be("lz4");
    }

    /// <summary>Nodes running as a role that may use the tables but not change the schema (README's least privilege).</summary>
    [Fact]
    public async Task Migrate_AsNodeRole_SchemaCurrent_NothingToDo()
    {
        var owner = await postgres.Server.CreateDatabaseAsync();
        await using (var asOwner = NpgsqlDataSource.Create(owner))
        {
            await SchemaMigrator.MigrateAsync(asOwner, NullLogger.Instance, default);
        }

        await using var asNode = NpgsqlDataSource.Create(await postgres.Server.AsNodeRoleAsync(owner));

        (await SchemaMigrator.MigrateAsync(asNode, NullLogger.Instance, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task Migrate_AsNodeRole_SchemaMissing_SaysToMigrateAsTheOwner()
    {
        var owner = await postgres.Server.CreateDatabaseAsync();
        await using var asNode = NpgsqlDataSource.Create(await postgres.Server.AsNodeRoleAsync(owner));

        var migrating = () => SchemaMigrator.MigrateAsync(asNode, NullLogger.Instance, default);

        (await migrating.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should()
            .Be($"The database schema needs creating or upgrading to version {SchemaMigrator.LatestVersion}, which role '{PostgresServer.NodeRole}' may not do "
                + "(permission denied for schema public): run 'contactcenter store migrate' as the schema's owner, then grant this role the use of the tables "
                + "(README, One machine or several).");
    }
}
