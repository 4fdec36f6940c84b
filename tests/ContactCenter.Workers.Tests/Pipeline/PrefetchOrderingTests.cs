using ContactCenter.Core.Intake;
using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Hosting;
using ContactCenter.Workers.Scheduling;
using ContactCenter.Workers.Tests.EndToEnd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>
/// The pipelined poll over a real Dovecot and the real store: batch 3 is being fetched while batch 2 is stored, and
/// batch 2's commit fails (a crash there). Nothing of batch 2 or 3 may have been moved; a restart stores the rest
/// once, and every MOVE comes after its own batch's commit, in order.
/// </summary>
[Collection(DovecotFixture.Collection)]
public sealed class PrefetchOrderingTests(DovecotFixture dovecot) : IDisposable
{
    private const int Messages = 23;
    private const int BatchSize = 5;
    private readonly TempDirectory folder = new("cc-prefetch");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Poll_CommitOfBatchTwoFailsWhileBatchThreeIsFetched_NothingUnstoredIsMovedAndRestartMakesNoDuplicates()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("prefetch");
        await server.AppendManyAsync(user, Enumerable.Range(1, Messages).Select(i => CitizenMail.Request(i, "prefetch")));

        var crashed = new PipelineEventLog();
        await using (var run = new Run(folder.Path, server.ImapPort, user, crashed))
        {
            var source = run.Source;
            run.Store.FailDispatch = 2;
            source.HoldFetch = 3;
            source.HoldFetchUntil = run.Store.DispatchStarted.Task;
            run.Store.HoldFailureUntil = source.HeldFetchStarted.Task;

            var act = () => run.Pipeline.RunAsync(source, null, CancellationToken.None);

            await act.Should().ThrowAsync<PollFailedException>();
            (await run.Store.QueryAsync(new TicketQuery(), CancellationToken.None)).Should().HaveCount(BatchSize, "only batch 1 was committed");
        }

        var events = crashed.Snapshot();
        events.Should().ContainSingle(e => e.StartsWith("ack ", StringComparison.Ordinal), "only batch 1 was acknowledged");
        var batch1 = FirstKey(events, 1);
        crashed.IndexOf($"ack {batch1} ({BatchSize})").Should().BeGreaterThan(crashed.IndexOf($"commit {batch1}"));
        crashed.IndexOf("fetch 3 started").Should().BeLessThan(crashed.IndexOf($"failed {FirstKey(events, 2)}"), "batch 3 was fetched while batch 2 was stored");
        (await server.CountAsync(user, "Processed")).Should().Be(BatchSize, "nothing of batch 2 or 3 was moved without its ticket");
        (await server.CountAsync(user, "INBOX")).Should().Be(Messages - BatchSize);

        var restarted = new PipelineEventLog();
        await using (var run = new Run(folder.Path, server.ImapPort, user, restarted))
        {
            var summary = await run.Pipeline.RunAsync(run.Source, null, CancellationToken.None);

            summary.Created.Should().Be(Messages - BatchSize);
            var tickets = await run.Store.QueryAsync(new TicketQuery { Limit = int.MaxValue }, CancellationToken.None);
            tickets.Should().HaveCount(Messages);
            tickets.Select(t => t.SourceKey).Should().OnlyHaveUniqueItems();
            tickets.Select(t => t.MessageId).Should().OnlyHaveUniqueItems();
        }

        (await server.CountAsync(user, "INBOX")).Should().Be(0);
        (await server.CountAsync(user, "Processed")).Should().Be(Messages, "every message moved exactly once");
        AssertEachAcknowledgementAfterItsCommitInOrder(restarted);
    }

    private static void AssertEachAcknowledgementAfterItsCommitInOrder(PipelineEventLog log)
    {
        var events = log.Snapshot();
        var acks = events.Select((e, i) => (e, i)).Where(x => x.e.StartsWith("ack ", StringComparison.Ordinal)).ToList();
        acks.Should().HaveCount((Messages - BatchSize + BatchSize - 1) / BatchSize);
        var last = -1;
        for (var batch = 1; batch <= acks.Count; batch++)
        {
            var key = FirstKey(events, batch);
            var commit = log.IndexOf($"commit {key}");
            var ack = events.ToList().FindIndex(e => e.StartsWith($"ack {key} ", StringComparison.Ordinal));
            commit.Should().BeGreaterThan(-1, $"batch {batch} was committed");
            ack.Should().BeGreaterThan(commit, $"batch {batch} is acknowledged after its commit");
            ack.Should().BeGreaterThan(last, "batches are acknowledged in order");
            last = ack;
        }

        log.IndexOf("fetch 2 started").Should().BeLessThan(log.IndexOf($"commit {FirstKey(events, 1)}"), "the next batch is fetched while one is stored");
    }

    private static string FirstKey(IReadOnlyList<string> events, int batch)
    {
        var prefix = $"fetch {batch} ended ";
        return events.Single(e => e.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
    }

    /// <summary>One process's life: the service's registrations with a recording store and source.</summary>
    private sealed class Run : IAsyncDisposable
    {
        private readonly ServiceProvider provider;

        public Run(string data, int port, string user, PipelineEventLog log)
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(RepositoryPaths.Root, "samples", "routing.rules.json"), optional: false)
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["ContactCenter:Store:DataDirectory"] = Path.Combine(data, "data"),
                    ["ContactCenter:Receipts:Enabled"] = "false",
                    ["ContactCenter:Channels:urp:Type"] = "Imap",
                    ["ContactCenter:Channels:urp:Host"] = DovecotServer.Host,
                    ["ContactCenter:Channels:urp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["ContactCenter:Channels:urp:Security"] = "None",
                    ["ContactCenter:Channels:urp:User"] = user,
                    ["ContactCenter:Channels:urp:Password"] = DovecotServer.Password,
                    ["ContactCenter:Channels:urp:BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                })
                .Build();
            var services = new ServiceCollection().AddLogging();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddContactCenter(configuration);
            var real = services.Single(d => d.ServiceType == typeof(ITicketStore));
            services.Remove(real);
            services.AddSingleton(sp => new RecordingStore((ITicketStore)real.ImplementationFactory!(sp), log));
            services.AddSingleton<ITicketStore>(sp => sp.GetRequiredService<RecordingStore>());
            provider = services.BuildServiceProvider();
            Source = new RecordingSource(provider.GetRequiredService<ChannelSources>().Get("urp"), log);
        }

        public RecordingStore Store => provider.GetRequiredService<RecordingStore>();

        public IngestPipeline Pipeline => provider.GetRequiredService<IngestPipeline>();

        public RecordingSource Source { get; }

        public async ValueTask DisposeAsync() => await provider.DisposeAsync();
    }
}
