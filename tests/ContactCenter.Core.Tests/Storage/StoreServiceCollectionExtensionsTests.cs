using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Core.Tests.Storage;

public sealed class StoreServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDirectory _temp = new("cc-store-di");

    [Fact]
    public async Task AddTicketStore_OpensTheFileOnlyOnFirstUse()
    {
        using var provider = Build(new() { ["ContactCenter:Store:DataDirectory"] = _temp.Combine("data") });
        var databasePath = _temp.Combine("data", "tickets.db");

        var store = provider.GetRequiredService<ITicketStore>();
        File.Exists(databasePath).Should().BeFalse();

        (await store.GetModeAsync(default)).Should().Be(ServiceMode.Ordinary);
        File.Exists(databasePath).Should().BeTrue();
        provider.GetRequiredService<IContentArchive>().Should().NotBeNull();
        Directory.Exists(_temp.Combine("data", "archive")).Should().BeTrue();
    }

    [Fact]
    public void AddTicketStore_InvalidPrefix_FailsNamingTheKey()
    {
        using var provider = Build(new() { ["ContactCenter:Store:TicketPrefix"] = "P-C" });

        var act = () => provider.GetRequiredService<IOptions<StoreOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*TicketPrefix*");
    }

    [Fact]
    public void AddTicketStore_KeepsARegisteredTimeProvider()
    {
        var fake = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(fake);

        using var provider = services.AddTicketStore(new ConfigurationBuilder().Build()).BuildServiceProvider();

        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(fake);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddTicketStore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    public void Dispose() => _temp.Dispose();
}
