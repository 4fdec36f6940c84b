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

    [Theory]
    [InlineData("c2hvcnQ=", "*SecretsKeyFile must hold 32 random bytes in base64*")]
    [InlineData(null, "*SecretsKeyFile: no file*")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nnot a key", "*SecretsKeyFile must hold 32 random bytes in base64 per line*line 2 does not*")]
    [InlineData("\n", "*SecretsKeyFile names no key*")]
    public void AddPostgreSqlTicketStore_SecretsKeyFileWithoutAKey_FailsNamingTheKey(string? content, string message)
    {
        using var folder = new ContactCenter.Testing.TempDirectory("cc-secrets-key");
        var file = Path.Combine(folder.Path, "secrets-key");
        if (content is not null)
        {
            File.WriteAllText(file, content);
        }

        using var services = Build(("SecretsKeyFile", file));

        var act = () => services.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage(message);
    }

    [Fact]
    public void AddPostgreSqlTicketStore_SecretsKeyInTwoPlaces_FailsNamingBoth()
    {
        using var services = Build(("SecretsKeyFile", "/etc/cc/key"), ("SecretsKeyEnvironmentVariable", "CC_SECRETS_KEY"));

        var act = () => services.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*secrets key in one place only (SecretsKeyFile or SecretsKeyEnvironmentVariable)*");
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
