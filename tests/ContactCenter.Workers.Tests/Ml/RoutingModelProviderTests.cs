using ContactCenter.Core.Routing;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Ml;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML;

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

    [Fact]
    public void Provider_ModelTrainedForOtherRules_SaysSoWhenItLoads()
    {
        List<RoutingRule> trainedWith = [new() { Name = "crepe", Words = ["crepa"], Level = ServiceLevel.Second }];
        List<RoutingRule> changed = [new() { Name = "crepe", Words = ["crepa", "lesione"], Level = ServiceLevel.Second }, new() { Name = "altro" }];
        var model = ModelTrainedWith(trainedWith, "model.zip");
        var older = ModelTrainedWith(null, "older.zip");

        var same = Load(model, trainedWith);
        var other = Load(model, changed);
        var unknown = Load(older, changed);

        same.Should().Contain(e => e.EventId == 1340).And.NotContain(e => e.EventId == 1344);
        other.Should().ContainSingle(e => e.EventId == 1344).Which.Message.Should().Contain("(1 then, 2 now)").And.Contain("classify train");
        unknown.Should().Contain(e => e.EventId == 1340).And.NotContain(e => e.EventId == 1344, "a model that recorded no rules is not judged");
    }

    /// <summary>A copy of the demo model whose manifest says it was trained against <paramref name="rules"/> (null: says nothing of rules).</summary>
    private string ModelTrainedWith(IReadOnlyList<RoutingRule>? rules, string name)
    {
        var path = Path.Combine(folder.Path, name);
        var ml = new MLContext(RoutingPipeline.Seed);
        RoutingModel model;
        using (var demo = File.OpenRead(RoutingModelFixture.DemoModel))
        {
            model = RoutingModelFile.Load(ml, demo, RoutingModelFixture.DemoModel);
        }

        model.Manifest.RulesFingerprint = rules is null ? "" : RoutingRulesFingerprint.Of(rules);
        model.Manifest.RuleCount = rules?.Count ?? 0;
        RoutingModelFile.Save(ml, model, path);
        return path;
    }

    private IReadOnlyCollection<(int EventId, LogLevel Level, string Message)> Load(string model, List<RoutingRule> rules)
    {
        var logs = new ListLoggerProvider();
        using var factory = new LoggerFactory([logs]);
        var provider = new RoutingModelProvider(Options.Create(new RoutingModelOptions { Enabled = true, Path = model }),
            Options.Create(new RoutingOptions { Rules = rules }), Options.Create(new StoreOptions { DataDirectory = folder.Path }),
            TimeProvider.System, factory.CreateLogger<RoutingModelProvider>());
        provider.Current.Should().NotBeNull();
        return logs.Entries;
    }

    private RoutingModelProvider Provider(RoutingModelOptions options) => new(
        Options.Create(options), Options.Create(new RoutingOptions()), Options.Create(new StoreOptions { DataDirectory = folder.Path }),
        TimeProvider.System, NullLogger<RoutingModelProvider>.Instance);
}
