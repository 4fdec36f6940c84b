using System.Text.Json;
using ContactCenter.Core.Storage;
using ContactCenter.Ml;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Tests.Cluster;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace ContactCenter.Workers.Tests.Ml;

/// <summary>
/// The routing model on two nodes of one PostgreSQL database, each with its own data folder: a training made on either
/// reaches both, with real ML.NET models, the real CLI and the real database.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SharedRoutingModelsTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory folder = new("cc-shared-model");
    private readonly List<ServiceProvider> nodes = [];

    public void Dispose()
    {
        foreach (var node in nodes)
        {
            node.Dispose();
        }

        folder.Dispose();
    }

    [Fact]
    public async Task ClassifyTrain_OnEitherNode_NextClusterVersion_TheOtherNodeLoadsItWhileRunning()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var (a, b) = (NodeConfig("a", database), NodeConfig("b", database));
        var training = RoutingModelFixture.Subset(folder.Path, 9);
        using var aSync = Sync("a", database);
        await aSync.StartAsync(CancellationToken.None);

        var first = await TrainAsync(a, training);
        var second = await TrainAsync(b, training);

        first.GetProperty("version").GetInt32().Should().Be(1);
        second.GetProperty("version").GetInt32().Should().Be(2, "node b's folder had no model, but the cluster had v1");
        var aModels = Path.Combine(folder.Path, "a", "models");
        await WaitUntilAsync(() => new RoutingModelFolder(aModels).CurrentVersion() == 2);
        File.ReadAllBytes(Path.Combine(aModels, "routing-v2.zip")).Should().Equal(File.ReadAllBytes(Path.Combine(folder.Path, "b", "models", "routing-v2.zip")));
        var explain = await CliRun.RunAsync(null, "classify", "explain", "--subject", "Alluvione", "--text", "La cantina è allagata", "--json",
            "--config", RoutingModelFixture.Rules, "--config", a);
        JsonDocument.Parse(explain.Output).RootElement.GetProperty("result").GetProperty("model").GetProperty("version").GetInt32()
            .Should().Be(2, "node a classifies with the model trained on node b");
        await aSync.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Sync_SingleMachinesModelsFolder_BecomesTheClusters_AnotherNodePullsItOnce()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var alone = new RoutingModelFolder(Path.Combine(folder.Path, "alone", "models"));
        alone.WriteAndPoint(4, File.ReadAllBytes(RoutingModelFixture.DemoModel));
        var joining = new RoutingModelFolder(Path.Combine(folder.Path, "joining", "models"));

        var published = await Models(database).SyncAsync(alone, CancellationToken.None);
        var pulled = await Models(database).SyncAsync(joining, CancellationToken.None);
        var again = await Models(database).SyncAsync(joining, CancellationToken.None);

        published.Should().Be((4, false));
        pulled.Should().Be((4, true));
        again.Should().BeNull("the node already has the cluster's model");
        File.ReadAllBytes(joining.CurrentFile()!).Should().Equal(File.ReadAllBytes(RoutingModelFixture.DemoModel));
    }

    [Fact]
    public async Task PublishNew_ThreeNodesAtOnce_EachItsOwnVersion_TheHighestIsCurrentEverywhere()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        string[] names = ["a", "b", "c"];
        var folders = names.Select(n => new RoutingModelFolder(Path.Combine(folder.Path, n, "models"))).ToArray();
        var stores = names.Select(_ => Shared(database)).ToArray();
        var contexts = names.Select(_ => new MLContext(RoutingPipeline.Seed)).ToArray();
        var models = contexts.Select(LoadDemoModel).ToArray();

        // Each round three trainings (each its own model, as trainings of other data at other times are) finish together:
        // published all at once, the pointer could be left on a lower version than the highest stored.
        for (var round = 0; round < 3; round++)
        {
            using var start = new ManualResetEventSlim();
            var publishing = Enumerable.Range(0, names.Length)
                .Select(i => Task.Run(() =>
                {
                    start.Wait();
                    models[i].Manifest.TrainedAt = DateTimeOffset.UnixEpoch.AddDays((round * names.Length) + i);
                    return new SharedRoutingModels(stores[i]).PublishNewAsync(contexts[i], models[i], folders[i], CancellationToken.None);
                }))
                .ToArray();
            start.Set();
            await Task.WhenAll(publishing);
        }

        var stored = stores[0].List("routing/model/").Count;
        stored.Should().Be(9, "every training keeps its own version");
        var current = JsonSerializer.Deserialize<SharedModelPointer>((await stores[0].GetAsync("routing/current", CancellationToken.None))!)!;
        current.Version.Should().Be(9, "the last training published is the highest version");
        var latest = Convert.FromBase64String((await stores[0].GetAsync("routing/model/v9", CancellationToken.None))!);
        current.Sha256.Should().Be(RoutingModelFolder.Sha256Of(latest));
        foreach (var node in folders)
        {
            await new SharedRoutingModels(stores[0]).SyncAsync(node, CancellationToken.None);
            node.CurrentVersion().Should().Be(9, $"{node.Path} follows the cluster's current model");
        }
    }

    [Fact]
    public async Task PublishNew_WhileAnotherNodePublishes_WaitsForIt_ThenTakesTheNextVersion()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var (here, there) = (Shared(database), Shared(database));
        var ml = new MLContext(RoutingPipeline.Seed);
        var (holding, release) = (new TaskCompletionSource(), new TaskCompletionSource());
        var otherNode = there.ExclusivelyAsync(SharedRoutingModels.PublishLock, async _ =>
        {
            holding.SetResult();
            await release.Task;
            await there.SetAsync("routing/model/v1", "another node's model", CancellationToken.None);
            return true;
        }, CancellationToken.None);
        await holding.Task;

        var publishing = new SharedRoutingModels(here).PublishNewAsync(ml, LoadDemoModel(ml), new RoutingModelFolder(Path.Combine(folder.Path, "here")), CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        publishing.IsCompleted.Should().BeFalse("another node is publishing");
        (await here.GetAsync("routing/current", CancellationToken.None)).Should().BeNull();
        release.SetResult();
        await otherNode;
        var file = await publishing;

        Path.GetFileName(file).Should().Be("routing-v2.zip", "v1 was the other node's, taken while this one waited");
        JsonSerializer.Deserialize<SharedModelPointer>((await here.GetAsync("routing/current", CancellationToken.None))!)!.Version.Should().Be(2);
    }

    private static RoutingModel LoadDemoModel(MLContext ml)
    {
        using var content = File.OpenRead(RoutingModelFixture.DemoModel);
        return RoutingModelFile.Load(ml, content, RoutingModelFixture.DemoModel);
    }

    private async Task<JsonElement> TrainAsync(string config, string training)
    {
        var result = await CliRun.RunAsync(null, "classify", "train", "--file", training, "--no-corrections", "--json", "--config", RoutingModelFixture.Rules, "--config", config);
        result.ExitCode.Should().Be(0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement.GetProperty("manifest").Clone();
    }

    private string NodeConfig(string node, string database) => JsonConfigFile.Write(folder.Path, new
    {
        Store = new { Provider = "PostgreSql", DataDirectory = Path.Combine(folder.Path, node), PostgreSql = new { ConnectionString = database, NodeName = node } },
        Receipts = new { Enabled = false },
        Routing = new { Model = new { Enabled = true, Folds = 3, CheckInterval = "00:00:00.200" } },
        Channels = new { },
    });

    private SharedRoutingModelSync Sync(string node, string database) => new(
        Options.Create(new RoutingModelOptions { Enabled = true, CheckInterval = TimeSpan.FromMilliseconds(200) }),
        Options.Create(new StoreOptions { DataDirectory = Path.Combine(folder.Path, node) }), TimeProvider.System,
        NullLogger<SharedRoutingModelSync>.Instance, Shared(database));

    private SharedRoutingModels Models(string database) => new(Shared(database));

    private ISharedKeyStore Shared(string database)
    {
        var node = SharedKeysNode.Open(database);
        nodes.Add(node);
        return node.GetRequiredService<ISharedKeyStore>();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(until, "the node pulls the cluster's model within a few check intervals");
            await Task.Delay(100);
        }
    }
}
