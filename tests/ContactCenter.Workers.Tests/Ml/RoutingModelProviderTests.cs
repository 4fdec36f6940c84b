using ContactCenter.Core.Storage;
using ContactCenter.Ml;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Tests.Ml;

/// <summary>A service without a model does not pay for Microsoft.ML; one with a model loads it as before.</summary>
public sealed class RoutingModelProviderTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-model-provider");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Provider_ModelDisabled_NeverLoadsMl()
    {
        var provider = Provider(new RoutingModelOptions { Enabled = false });

        provider.Current.Should().BeNull();
        provider.MlLoaded.Should().BeFalse();
    }

    [Fact]
    public void Provider_EnabledWithoutModelFile_NeverLoadsMl()
    {
        var provider = Provider(new RoutingModelOptions { Enabled = true, CheckInterval = TimeSpan.Zero });

        provider.Current.Should().BeNull();
        provider.Current.Should().BeNull();
        provider.MlLoaded.Should().BeFalse();
    }

    [Fact]
    public void Provider_WithModelFile_LoadsIt()
    {
        var provider = Provider(new RoutingModelOptions { Enabled = true, Path = RoutingModelFixture.DemoModel });

        provider.Current.Should().NotBeNull();
        provider.MlLoaded.Should().BeTrue();
    }

    private RoutingModelProvider Provider(RoutingModelOptions options) => new(
        Options.Create(options), Options.Create(new StoreOptions { DataDirectory = folder.Path }), TimeProvider.System,
        NullLogger<RoutingModelProvider>.Instance);
}
