using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Storage;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>An item the store refuses must not hold back every later item of its channel, poll after poll.</summary>
public sealed class RefusedItemTests
{
    [Fact]
    public async Task Ingest_StoreRefusesOneItemOfABatch_ItGoesToQuarantineWithTheReason_TheOthersAreStored()
    {
        using var harness = new PipelineHarness(configure: PipelineHarness.WithFailingStore);
        var store = (FailingStore)harness.Store;
        var source = Source(5);
        store.Refused.Add("mem:inbox/3");

        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        summary.Failed.Should().BeNull();
        (summary.Created, summary.Quarantined).Should().Be((4, 1));
        source.Acknowledged.Should().Equal("mem:inbox/1", "mem:inbox/2", "mem:inbox/4", "mem:inbox/5");
        source.Rejected.Should().ContainSingle().Which.SourceKey.Should().Be("mem:inbox/3");
        (await store.ListQuarantineAsync(includeResolved: false, CancellationToken.None)).Should().ContainSingle()
            .Which.Reason.Should().Be("the store refused it: InvalidOperationException: Document size exceed 16683050 limit");
    }

    [Fact]
    public async Task Ingest_StoreRefusesTheOnlyItem_Quarantined_NextPollHasNothingToRefuse()
    {
        using var harness = new PipelineHarness(configure: PipelineHarness.WithFailingStore);
        var store = (FailingStore)harness.Store;
        var source = Source(1);
        store.Refused.Add("mem:inbox/1");

        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        summary.Quarantined.Should().Be(1);
        source.Pending.Should().Be(0, "moved aside with its record, not left to fail the next poll");
    }

    [Fact]
    public async Task Ingest_StoreRefusesEveryItem_PollFails_NothingQuarantinedOrAcknowledged()
    {
        using var harness = new PipelineHarness(configure: PipelineHarness.WithFailingStore);
        var store = (FailingStore)harness.Store;
        var source = Source(3);
        store.Refused.UnionWith(["mem:inbox/1", "mem:inbox/2", "mem:inbox/3"]);

        var failing = () => harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        (await failing.Should().ThrowAsync<PollFailedException>()).Which.InnerException.Should().BeOfType<InvalidOperationException>();
        source.Acknowledged.Should().BeEmpty();
        source.Pending.Should().Be(3);
        (await store.ListQuarantineAsync(includeResolved: true, CancellationToken.None)).Should().BeEmpty(
            "when no item is stored the store is what fails (a schema it cannot write to), not each item");
    }

    private static MemorySource Source(int count)
    {
        var source = new MemorySource("inbox", batchSize: 10);
        for (var i = 1; i <= count; i++)
        {
            source.Add($"mem:inbox/{i}", $"Subject: Richiesta {i}\n\nTesto {i}.");
        }

        return source;
    }
}
