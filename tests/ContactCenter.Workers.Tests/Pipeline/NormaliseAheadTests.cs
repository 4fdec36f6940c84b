using ContactCenter.Core.Intake;
using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>
/// With a prefetching source the next batch is fetched and normalised while the current one is stored: the first
/// dispatch waits until the normaliser has started on the second batch, so these tests fail if it is not.
/// </summary>
public sealed class NormaliseAheadTests
{
    private const int BatchSize = 2;

    [Fact]
    public async Task Ingest_PrefetchingSource_NormalisesNextBatchWhileCurrentIsStoredAndAcknowledgesInOrder()
    {
        using var harness = new PipelineHarness(maxParallel: 2, configure: WithGatedStore);
        var store = (GatedStore)harness.Store;
        store.Normalizer = harness.Normalizer;
        var source = Source(6);
        store.Source = source.Inner;

        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        store.SawNextBatchNormalised.Should().BeTrue("batch 2 was normalised while batch 1 was being stored");
        summary.Created.Should().Be(6);
        source.Inner.Acknowledged.Should().Equal(Enumerable.Range(1, 6).Select(i => $"mem:inbox/{i}"));
        store.AcknowledgedAtCommit.Should().Equal([0, 2, 4], "a batch is stored only once the one before it was acknowledged, and acknowledged after its own commit");
        var tickets = await harness.Store.QueryAsync(new TicketQuery(), CancellationToken.None);
        tickets.OrderBy(t => t.Sequence).Select(t => t.SourceKey).Should().Equal(Enumerable.Range(1, 6).Select(i => $"mem:inbox/{i}"));
    }

    [Fact]
    public async Task Ingest_CommitFailsWhileNextBatchIsNormalised_NextBatchIsNeitherStoredNorAcknowledged()
    {
        using var harness = new PipelineHarness(maxParallel: 2, configure: WithGatedStore);
        var store = (GatedStore)harness.Store;
        store.Normalizer = harness.Normalizer;
        store.FailSecondDispatch = true;
        var source = Source(6);

        var failing = () => harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        (await failing.Should().ThrowAsync<PollFailedException>()).Which.InnerException.Should().BeOfType<IOException>();
        source.Inner.Acknowledged.Should().Equal("mem:inbox/1", "mem:inbox/2");
        (await harness.Store.QueryAsync(new TicketQuery(), CancellationToken.None)).Should().HaveCount(2);

        store.FailSecondDispatch = false;
        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        summary.Created.Should().Be(4);
        source.Inner.Pending.Should().Be(0);
        var tickets = await harness.Store.QueryAsync(new TicketQuery(), CancellationToken.None);
        tickets.Select(t => t.SourceKey).Should().HaveCount(6).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Ingest_StoppedWhileNextBatchIsNormalised_StopsAfterTheCurrentBatch()
    {
        using var harness = new PipelineHarness(maxParallel: 2, configure: WithGatedStore);
        var store = (GatedStore)harness.Store;
        store.Normalizer = harness.Normalizer;
        var source = Source(6);
        using var stop = new CancellationTokenSource();
        store.Dispatched = stop.Cancel;

        var summary = await harness.Pipeline.RunAsync(source, null, stop.Token);

        summary.Created.Should().Be(2);
        source.Inner.Acknowledged.Should().Equal("mem:inbox/1", "mem:inbox/2");
        (await harness.Store.QueryAsync(new TicketQuery(), CancellationToken.None)).Should().HaveCount(2);
        source.Inner.Pending.Should().Be(4, "the batch normalised ahead stays at the source for the next poll");
    }

    [Fact]
    public async Task Ingest_BatchFetchedAhead_IsNormalisedBeforeTheStoreSaysWhichOfItsItemsItKnows()
    {
        using var harness = new PipelineHarness(maxParallel: 2, configure: WithGatedStore);
        var store = (GatedStore)harness.Store;
        store.Normalizer = harness.Normalizer;
        store.HoldKnownQuery = 2;
        var source = Source(6);

        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        store.SawNormalisingBeforeKnownAnswer.Should().BeTrue("the batch ahead does not wait for the store's answer (which waits for the commit before it)");
        summary.Created.Should().Be(6);
        source.Inner.Acknowledged.Should().Equal(Enumerable.Range(1, 6).Select(i => $"mem:inbox/{i}"));
    }

    [Fact]
    public async Task Ingest_KnownItemsInBatchFetchedAhead_AreAcknowledgedNotStoredAgain()
    {
        using var harness = new PipelineHarness(maxParallel: 2, configure: WithGatedStore);
        var store = (GatedStore)harness.Store;
        store.Normalizer = harness.Normalizer;
        await CommitWithoutAcknowledgementAsync(harness, 4);

        // A crash between the commit of items 1-4 and their acknowledgement: after the restart items 3-4 are in the
        // second batch, which is fetched and normalised while the first is committed.
        var source = Source(6);
        store.HoldKnownQuery = 3;
        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        store.SawNormalisingBeforeKnownAnswer.Should().BeTrue();
        summary.AlreadyStored.Should().Be(4);
        summary.Created.Should().Be(2);
        source.Inner.Acknowledged.Should().Equal(Enumerable.Range(1, 6).Select(i => $"mem:inbox/{i}"));
        var tickets = await harness.Store.QueryAsync(new TicketQuery(), CancellationToken.None);
        tickets.Select(t => t.SourceKey).Should().BeEquivalentTo(Enumerable.Range(1, 6).Select(i => $"mem:inbox/{i}"), "one ticket per item");
    }

    [Fact]
    public async Task Ingest_FirstBatch_IsNormalisedBeforeTheStoreSaysWhichOfItsItemsItKnows()
    {
        using var harness = new PipelineHarness(maxParallel: 2, configure: WithGatedStore);
        var store = (GatedStore)harness.Store;
        store.Normalizer = harness.Normalizer;
        store.HoldKnownQuery = 1;
        var source = Source(4).Inner;

        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        store.SawNormalisingBeforeKnownAnswer.Should().BeTrue("the first batch does not wait for the store (which may still be opening) before normalising");
        summary.Created.Should().Be(4);
        source.Acknowledged.Should().Equal(Enumerable.Range(1, 4).Select(i => $"mem:inbox/{i}"));
    }

    [Fact]
    public async Task Ingest_KnownItemsInFirstBatch_StartedBeforeTheAnswer_AreStoppedAndAcknowledgedNotStoredAgain()
    {
        using var harness = new PipelineHarness(maxParallel: 2, configure: WithGatedStore);
        var store = (GatedStore)harness.Store;
        store.Normalizer = harness.Normalizer;
        await CommitWithoutAcknowledgementAsync(harness, 2);

        // A crash between the commit of items 1-2 and their acknowledgement: after the restart they are the first batch.
        // Normalising them again would take 30 s each (a long letter's OCR) unless the store's answer stops it.
        var source = Source(4).Inner;
        harness.Normalizer.Hold("mem:inbox/1");
        harness.Normalizer.Hold("mem:inbox/2");
        store.HoldKnownQuery = 2;
        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        store.SawNormalisingBeforeKnownAnswer.Should().BeTrue();
        harness.Normalizer.Finished("mem:inbox/1").Should().Be(1, "the work started before the answer is stopped by it");
        harness.Normalizer.Finished("mem:inbox/2").Should().Be(1);
        summary.AlreadyStored.Should().Be(2);
        summary.Created.Should().Be(2);
        source.Acknowledged.Should().Equal(Enumerable.Range(1, 4).Select(i => $"mem:inbox/{i}"));
        var tickets = await harness.Store.QueryAsync(new TicketQuery(), CancellationToken.None);
        tickets.Select(t => t.SourceKey).Should().BeEquivalentTo(Enumerable.Range(1, 4).Select(i => $"mem:inbox/{i}"), "one ticket per item");
    }

    private static PrefetchingSource Source(int count) => new(Inbox(count, BatchSize));

    /// <summary>Items 1 to <paramref name="count"/> stored through another source, as if their acknowledgement was lost in a crash.</summary>
    private static Task CommitWithoutAcknowledgementAsync(PipelineHarness harness, int count) =>
        harness.Pipeline.RunAsync(Inbox(count, batchSize: 4), null, CancellationToken.None);

    private static MemorySource Inbox(int count, int batchSize)
    {
        var source = new MemorySource("inbox", batchSize);
        for (var i = 1; i <= count; i++)
        {
            source.Add($"mem:inbox/{i}", $"Subject: Richiesta {i}\n\nVorrei sapere come diventare volontario ({i}).");
        }

        return source;
    }

    private static void WithGatedStore(IServiceCollection collection)
    {
        var real = collection.Single(d => d.ServiceType == typeof(ITicketStore));
        collection.Remove(real);
        collection.AddSingleton(sp => new GatedStore((ITicketStore)real.ImplementationFactory!(sp)));
        collection.AddSingleton<ITicketStore>(sp => sp.GetRequiredService<GatedStore>());
    }

    private sealed class PrefetchingSource(MemorySource inner) : IPrefetchingSource
    {
        public MemorySource Inner => inner;

        public string Name => inner.Name;

        public ChannelKind Channel => inner.Channel;

        public bool FetchesAhead => true;

        public IAsyncEnumerable<InboundBatch> PollAsync(CancellationToken cancellationToken) => inner.PollAsync(cancellationToken);

        public ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken) =>
            inner.AcknowledgeAsync(items, cancellationToken);

        public ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken) =>
            inner.RejectAsync(item, reason, cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    /// <summary>
    /// The first dispatch waits (up to 30 s) for the normaliser to start on the next batch; the second can fail. It also
    /// notes how many items the source had acknowledged when each commit returned.
    /// </summary>
    private sealed class GatedStore(ITicketStore inner) : TicketStoreDecorator
    {
        private int dispatches;
        private int knownQueries;
        private int holdKnownQuery;

        public TextNormalizer? Normalizer { get; set; }

        public bool FailSecondDispatch { get; set; }

        public bool SawNextBatchNormalised { get; private set; }

        public Action? Dispatched { get; set; }

        public List<int> AcknowledgedAtCommit { get; } = [];

        public MemorySource? Source { get; set; }

        /// <summary>This known-items query (from 1; a batch fetched ahead) answers only once that batch's normalising began.</summary>
        /// <summary>The query (counted from 1) held until an item it asks about is being normalised; items normalised before it is set do not count.</summary>
        public int HoldKnownQuery
        {
            get => holdKnownQuery;
            set
            {
                Normalizer?.ForgetStarted();
                holdKnownQuery = value;
            }
        }

        public bool SawNormalisingBeforeKnownAnswer { get; private set; }

        protected override ITicketStore Inner => inner;

        public override async Task<IReadOnlyDictionary<string, string?>> FindKnownSourcesAsync(
            IReadOnlyCollection<string> sourceKeys, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref knownQueries) == HoldKnownQuery)
            {
                // Held until normalising starts on an item of this very batch (it may have started before the query did).
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (!Normalizer!.Started(sourceKeys) && waited.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(10, CancellationToken.None);
                }

                SawNormalisingBeforeKnownAnswer = Normalizer.Started(sourceKeys);
            }

            return await inner.FindKnownSourcesAsync(sourceKeys, cancellationToken);
        }

        public override async Task<IReadOnlyList<DispatchOutcome>> DispatchAsync(IReadOnlyList<DispatchRequest> batch, CancellationToken cancellationToken)
        {
            var number = ++dispatches;
            if (number == 1)
            {
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (Normalizer!.Calls <= BatchSize && waited.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(10, CancellationToken.None);
                }

                SawNextBatchNormalised = Normalizer.Calls > BatchSize;
            }

            if (number == 2 && FailSecondDispatch)
            {
                throw new IOException("No space left on device");
            }

            var outcomes = await inner.DispatchAsync(batch, cancellationToken);
            AcknowledgedAtCommit.Add(Source?.Acknowledged.Count ?? -1);
            Dispatched?.Invoke();
            return outcomes;
        }
    }
}
