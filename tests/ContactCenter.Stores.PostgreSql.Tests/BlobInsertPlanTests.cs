using System.Security.Cryptography;
using ContactCenter.Testing.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Stores.PostgreSql.Tests;

/// <summary>
/// A blob's insert is planned without its bytes (<see cref="Sql.GenericPlans"/>), whatever the server is configured
/// to do: the database here plans everything with its values (force_custom_plan), and a trigger records the mode each
/// blob's insert ran under.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class BlobInsertPlanTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(1000, false)] // one round trip, durable on return
    [InlineData(1024 * 1024 + 1, false)] // streamed under a placeholder key
    [InlineData(1024 * 1024 + 1, true)] // written behind while the ingest goes on
    public async Task Store_Blob_InsertedWithAGenericPlan(int size, bool pending)
    {
        var database = await CustomPlannedDatabaseAsync();
        await using var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(new PostgreSqlStoreOptions { ConnectionString = database });
        var archive = new DatabaseContentArchive(dataSource, NullLogger.Instance, pending ? new PendingBlobs() : null);

        var stored = await archive.StoreAsync(new MemoryStream(RandomNumberGenerator.GetBytes(size)), "scansione.pdf", "application/pdf", default);

        archive.Contains(stored.Sha256).Should().BeTrue("a blob written behind is waited for");
        (await dataSource.ScalarAsync("SELECT string_agg(mode, ',') FROM plan_modes")).Should().Be("force_generic_plan");
        (await dataSource.ScalarAsync("SHOW plan_cache_mode")).Should().Be("force_custom_plan", "outside the insert the database's setting holds");
        await dataSource.ScalarAsync("TRUNCATE blobs"); // no megabytes left for the shared cluster's next checkpoint
    }

    private async Task<string> CustomPlannedDatabaseAsync()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(new PostgreSqlStoreOptions { ConnectionString = database });
        await PostgreSqlTicketStoreFactory.MigrateAsync(dataSource, null, default);
        await dataSource.ScalarAsync("""
            CREATE TABLE plan_modes (mode text);
            CREATE FUNCTION note_plan_mode() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO plan_modes VALUES (current_setting('plan_cache_mode'));
                RETURN NEW;
            END $$;
            CREATE TRIGGER note_plan_mode AFTER INSERT ON blobs FOR EACH ROW EXECUTE FUNCTION note_plan_mode();
            DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET plan_cache_mode = force_custom_plan', current_database()); END $$;
            """);
        return database; // connections opened from now on start with the database's setting
    }
}
