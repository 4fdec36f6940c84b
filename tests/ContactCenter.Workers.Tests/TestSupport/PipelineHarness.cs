using ContactCenter.Channels.Acknowledgement;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Workers.Tests.TestSupport;

/// <summary>The pipeline with the real LiteDB store in a temporary folder, the real rules and receipt policy.</summary>
internal sealed class PipelineHarness : IDisposable
{
    private readonly ServiceProvider services;

    public PipelineHarness(int maxParallel = 4, Action<IServiceCollection>? configure = null)
    {
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ContactCenter:Store:DataDirectory"] = Folder.Path,
            ["ContactCenter:Receipts:From"] = "Protezione Civile <urp@protezionecivile.example.it>",
            ["ContactCenter:Pipeline:MaxParallelNormalizers"] = maxParallel.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddTicketStore(Configuration);
        collection.AddRouting(Configuration);
        collection.AddReceipts(Configuration);
        collection.AddIngestPipeline(Configuration);
        collection.AddSingleton(Normalizer);
        collection.AddSingleton<IItemNormalizer>(Normalizer);
        configure?.Invoke(collection);
        services = collection.BuildServiceProvider();
    }

    public TempDirectory Folder { get; } = new("cc-pipeline");

    public IConfiguration Configuration { get; }

    public TextNormalizer Normalizer { get; } = new();

    public ITicketStore Store => services.GetRequiredService<ITicketStore>();

    public IngestPipeline Pipeline => services.GetRequiredService<IngestPipeline>();

    /// <summary>Replaces the store with one whose dispatch can be made to fail.</summary>
    public static void WithFailingStore(IServiceCollection collection)
    {
        var real = collection.Single(d => d.ServiceType == typeof(ITicketStore));
        collection.Remove(real);
        collection.AddSingleton(sp => new FailingStore((ITicketStore)real.ImplementationFactory!(sp)));
        collection.AddSingleton<ITicketStore>(sp => sp.GetRequiredService<FailingStore>());
    }

    public void Dispose()
    {
        services.Dispose();
        Folder.Dispose();
    }
}
