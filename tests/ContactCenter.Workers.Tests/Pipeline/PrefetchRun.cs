using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Workers.Hosting;
using ContactCenter.Workers.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>
/// One process's life for the prefetch tests: the service's registrations with one channel <c>ch</c> (its settings
/// given), wrapped in a recording store and source.
/// </summary>
internal sealed class PrefetchRun : IAsyncDisposable
{
    public const string Channel = "ch";

    private readonly ServiceProvider provider;

    public PrefetchRun(string data, PipelineEventLog log, IReadOnlyDictionary<string, string> channel)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ContactCenter:Store:DataDirectory"] = Path.Combine(data, "data"),
            ["ContactCenter:Receipts:Enabled"] = "false",
        };
        foreach (var (key, value) in channel)
        {
            settings[$"ContactCenter:Channels:{Channel}:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryPaths.Root, "samples", "routing.rules.json"), optional: false)
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddContactCenter(configuration);
        var real = services.Single(d => d.ServiceType == typeof(ITicketStore));
        services.Remove(real);
        services.AddSingleton(sp => new RecordingStore((ITicketStore)real.ImplementationFactory!(sp), log));
        services.AddSingleton<ITicketStore>(sp => sp.GetRequiredService<RecordingStore>());
        provider = services.BuildServiceProvider();
        Source = new RecordingSource(provider.GetRequiredService<ChannelSources>().Get(Channel), log);
    }

    public RecordingStore Store => provider.GetRequiredService<RecordingStore>();

    public IngestPipeline Pipeline => provider.GetRequiredService<IngestPipeline>();

    public RecordingSource Source { get; }

    public async Task<IReadOnlyList<Core.Tickets.Ticket>> TicketsAsync() =>
        await Store.QueryAsync(new TicketQuery { Limit = int.MaxValue }, CancellationToken.None);

    /// <summary>
    /// A poll whose batch 2 commit fails (a crash there) once batch 3's fetch has started: the poll fails and only batch
    /// 1 was committed.
    /// </summary>
    public async Task PollCrashingAtBatchTwoWhileBatchThreeIsFetchedAsync(int batchSize)
    {
        Source.FetchesAhead.Should().BeTrue();
        Store.FailDispatch = 2;
        Source.HoldFetch = 3;
        Source.HoldFetchUntil = Store.DispatchStarted.Task;
        Store.HoldFailureUntil = Source.HeldFetchStarted.Task;

        await FluentActions.Awaiting(() => Pipeline.RunAsync(Source, null, CancellationToken.None)).Should().ThrowAsync<PollFailedException>();
        (await TicketsAsync()).Should().HaveCount(batchSize, "only batch 1 was committed");
    }

    public async ValueTask DisposeAsync() => await provider.DisposeAsync();
}
