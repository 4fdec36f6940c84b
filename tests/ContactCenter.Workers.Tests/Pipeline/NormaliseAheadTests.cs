using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Storage;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>
/// With a prefetching source the next batch is fetched and normalised while the current one is stored: the first
/// dispatch waits until the normaliser has started on the second batch, so these tests fail if it is not.
/// </summary>
public sealed class NormaliseAheadTests
{
    private const int BatchSize = GatedStore.BatchSize;

    [Fact]
    public async Task Ingest_PrefetchingSource_NormalisesNextBatchWhileCurrentIsStoredAndAcknowledgesInOrder()
    {
        using var harness = GatedHarness(out var store);
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
        using var harness = GatedHarness(out var store);
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
        using var harness = GatedHarness(out var store);
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
        using var harness = GatedHarness(out var store);
        store.HoldKnownQuery(2);
        var source = Source(6);

        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        store.SawNormalisingBeforeKnownAnswer.Should().BeTrue("the batch ahead does not wait for the store's answer (which waits for the commit before it)");
        summary.Created.Should().Be(6);
        source.Inner.Acknowledged.Should().Equal(Enumerable.Range(1, 6).Select(i => $"mem:inbox/{i}"));
    }

    [Fact]
    public async Task Ingest_KnownItemsInBatchFetchedAhead_AreAcknowledgedNotStoredAgain()
    {
        using var harness = GatedHarness(out var store);
        await CommitWithoutAcknowledgementAsync(harness, 4);

        // A crash between the commit of items 1-4 and their acknowledgement: after the restart items 3-4 are in the
        // second batch, which is fetched and normalised while the first is committed.
        var source = Source(6);
        store.HoldKnownQuery(3);
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
        using var harness = GatedHarness(out var store);
        store.HoldKnownQuery(1);
        var source = Source(4).Inner;

        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        store.SawNormalisingBeforeKnownAnswer.Should().BeTrue("the first batch does not wait for the store (which may still be opening) before normalising");
        summary.Created.Should().Be(4);
        source.Acknowledged.Should().Equal(Enumerable.Range(1, 4).Select(i => $"mem:inbox/{i}"));
    }

    [Fact]
    public async Task Ingest_KnownItemsInFirstBatch_StartedBeforeTheAnswer_AreStoppedAndAcknowledgedNotStoredAgain()
    {
        using var harness = GatedHarness(out var store);
        await CommitWithoutAcknowledgementAsync(harness, 2);

        // A crash between the commit of items 1-2 and their acknowledgement: after the restart they are the first batch.
        // Normalising them again would take 30 s each (a long letter's OCR) unless the store's answer stops it.
        var source = Source(4).Inner;
        harness.Normalizer.Hold("mem:inbox/1");
        harness.Normalizer.Hold("mem:inbox/2");
        store.HoldKnownQuery(2);
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

    private static PipelineHarness GatedHarness(out GatedStore store)
    {
        var harness = new PipelineHarness(maxParallel: 2, configure: GatedStore.Replace);
        store = (GatedStore)harness.Store;
        store.Normalizer = harness.Normalizer;
        return harness;
    }
}
