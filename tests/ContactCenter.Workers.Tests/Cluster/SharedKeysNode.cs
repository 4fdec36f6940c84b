using ContactCenter.Stores.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary>One node's registrations of the PostgreSQL store (its own data source) on a shared database, for its shared keys.</summary>
internal static class SharedKeysNode
{
    public static ServiceProvider Open(string database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{PostgreSqlStoreOptions.SectionName}:ConnectionString"] = database,
        }).Build();
        return new ServiceCollection().AddLogging().AddPostgreSqlTicketStore(configuration).BuildServiceProvider();
    }
}
