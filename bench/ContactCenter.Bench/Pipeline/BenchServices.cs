using ContactCenter.Bench.Timing;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Receipts;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Hosting;
using ContactCenter.Workers.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Bench.Pipeline;

/// <summary>
/// The service's own registrations (<c>AddContactCenter</c>, as <c>contactcenter ingest --once</c> builds them) over an
/// in-memory configuration: the sample routing rules, a store in a scratch folder, receipts queued (not sent) and
/// the channels given. Logging goes to <paramref name="logging"/> only (none by default).
/// </summary>
internal sealed class BenchServices : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public BenchServices(
        string dataDirectory, IReadOnlyDictionary<string, string?> channels, Action<ILoggingBuilder>? logging = null, PhaseClock? clock = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ContactCenter:Store:DataDirectory"] = dataDirectory,
            ["ContactCenter:Mail:OwnAddresses:0"] = "urp@protezionecivile.example.it",
            // The memory benchmark's 50 MB attachment is 68 MB in base64, over the 50 MiB default.
            ["ContactCenter:Mail:MaxMessageBytes"] = (128L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ContactCenter:Receipts:Enabled"] = "true",
            ["ContactCenter:Receipts:From"] = "Protezione Civile <urp@protezionecivile.example.it>",
            ["ContactCenter:Receipts:MaxPerSenderPerDay"] = "1000",
            ["ContactCenter:Smtp:Host"] = "127.0.0.1",
            ["ContactCenter:Smtp:Port"] = "2525",
            ["ContactCenter:Smtp:Security"] = "None",
        };
        foreach (var (key, value) in channels)
        {
            settings[key] = value;
        }

        Configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryPaths.Root, "samples", "routing.rules.json"), optional: false)
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Information);
            logging?.Invoke(builder);
        });
        services.AddSingleton(Configuration);
        services.AddContactCenter(Configuration);
        if (clock is not null)
        {
            Clock = clock;
            ServiceDecorator.Decorate<ITicketStore>(services, s => TimedProxy<ITicketStore>.Wrap(s, clock, "store"));
            ServiceDecorator.Decorate<IContentArchive>(services, a => TimedProxy<IContentArchive>.Wrap(a, clock, "archive"));
            ServiceDecorator.Decorate<IReceiptPolicy>(services, p => TimedProxy<IReceiptPolicy>.Wrap(p, clock, "receipts"));
            ServiceDecorator.Decorate<IItemNormalizer>(
                services, n => TimedProxy<IItemNormalizer>.Wrap(n, clock, "normalizer"), d => d.ImplementationType?.Name == "EmailNormalizer");
        }

        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
    }

    public IConfiguration Configuration { get; }

    public PhaseClock? Clock { get; }

    public IngestPipeline Pipeline => provider.GetRequiredService<IngestPipeline>();

    public ITicketStore Store => provider.GetRequiredService<ITicketStore>();

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    /// <summary>The channel's source, timed when the services were built with a clock.</summary>
    public IInboundSource Source(string channel)
    {
        var source = provider.GetRequiredService<ChannelSources>().Get(channel);
        return Clock is null ? source : new TimedSource(source, Clock);
    }

    /// <summary>Opens the store (it opens lazily) so that a timed run does not pay for it.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) => Store.GetModeAsync(cancellationToken);

    /// <summary>The configuration keys of an IMAP channel on the test Dovecot (batches of 100).</summary>
    public static Dictionary<string, string?> ImapChannel(string name, DovecotServer server, string user) => new()
    {
        [$"ContactCenter:Channels:{name}:Type"] = "Imap",
        [$"ContactCenter:Channels:{name}:Host"] = DovecotServer.Host,
        [$"ContactCenter:Channels:{name}:Port"] = server.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"ContactCenter:Channels:{name}:Security"] = "None",
        [$"ContactCenter:Channels:{name}:User"] = user,
        [$"ContactCenter:Channels:{name}:Password"] = DovecotServer.Password,
        [$"ContactCenter:Channels:{name}:BatchSize"] = "100",
    };

    public static Dictionary<string, string?> MailDropChannel(string name, string path) => new()
    {
        [$"ContactCenter:Channels:{name}:Type"] = "MailDrop",
        [$"ContactCenter:Channels:{name}:Path"] = path,
        [$"ContactCenter:Channels:{name}:StableFor"] = "00:00:00",
        [$"ContactCenter:Channels:{name}:BatchSize"] = "100",
    };

    public async ValueTask DisposeAsync() => await provider.DisposeAsync();
}
