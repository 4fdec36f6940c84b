using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary>
/// The pipeline on a real PostgreSQL that refuses a write for a reason of its own: the service's role may no longer
/// write the tickets (a restore that left the tables to another owner), or the database is read-only (maintenance, a
/// standby promoted by mistake). The item is not to blame, so it must stay where it is for the next poll, not go to
/// quarantine, even where the quarantine table itself is still writable.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StoreFaultOnPostgreSqlTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory folder = new("cc-pg-store-fault");

    private StoreOptions Options => new() { DataDirectory = folder.Path };

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("REVOKE INSERT ON tickets FROM " + PostgresServer.NodeRole, "42501")]
    [InlineData("ALTER DATABASE \"{0}\" SET default_transaction_read_only = on", "25006")]
    public async Task Ingest_DatabaseRefusesTheServiceRole_PollFails_ItemStaysForTheNextPoll(string refusal, string sqlState)
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        string asNode;
        await using (var admin = NpgsqlDataSource.Create(database))
        {
            await PostgreSqlTicketStoreFactory.MigrateAsync(admin, null, default);
            asNode = await postgres.Server.AsNodeRoleAsync(database);
            await admin.ScalarAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, refusal, new NpgsqlConnectionStringBuilder(database).Database));
        }

        using var harness = new PipelineHarness(configure: services =>
        {
            services.Remove(services.Single(d => d.ServiceType == typeof(ITicketStore)));
            services.AddSingleton(_ => PostgreSqlTicketStoreFactory.Open(Options, new PostgreSqlStoreOptions { ConnectionString = asNode }));
        });
        var source = new MemorySource("inbox", batchSize: 10);
        source.Add("mem:inbox/1", "Subject: Richiesta\n\nVorrei sapere come iscrivermi al gruppo comunale.");

        var polling = () => harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        (await polling.Should().ThrowAsync<PollFailedException>()).Which.InnerException.Should().BeOfType<PostgresException>()
            .Which.SqlState.Should().Be(sqlState);
        source.Pending.Should().Be(1, "the item waits for the next poll");
        source.Rejected.Should().BeEmpty();
        (await harness.Store.ListQuarantineAsync(includeResolved: true, CancellationToken.None)).Should().BeEmpty("the database's refusal is not the item's fault");
    }
}
