using ContactCenter.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactCenter.Stores.PostgreSql.Tests;

public sealed class PostgreSqlStoreServiceCollectionTests
{
    [Fact]
    public void AddPostgreSqlTicketStore_PendingBlobBytes_SetsTheBudgetTheArchiveHolds()
    {
        using var services = Build(("PendingBlobBytes", "1048576"));

        services.GetRequiredService<PendingBlobs>().BudgetBytes.Should().Be(1024 * 1024);
    }

    [Fact]
    public void AddPostgreSqlTicketStore_NothingSaid_HoldsUpTo64MiB()
    {
        using var services = Build();

        services.GetRequiredService<PendingBlobs>().BudgetBytes.Should().Be(64L * 1024 * 1024);
    }

    [Fact]
    public void AddPostgreSqlTicketStore_NegativePendingBlobBytes_FailsNamingTheKey()
    {
        using var services = Build(("PendingBlobBytes", "-1"));

        var act = () => services.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*ContactCenter:Store:PostgreSql:PendingBlobBytes must be 0 or more*");
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            settings.Select(s => KeyValuePair.Create($"{PostgreSqlStoreOptions.SectionName}:{s.Key}", (string?)s.Value))
                .Append(KeyValuePair.Create($"{PostgreSqlStoreOptions.SectionName}:ConnectionString", (string?)"Host=127.0.0.1;Database=cc;Username=cc")))
            .Build();
        var services = new ServiceCollection();
        services.AddOptions<StoreOptions>();
        services.AddPostgreSqlTicketStore(configuration);
        return services.BuildServiceProvider();
    }
}
