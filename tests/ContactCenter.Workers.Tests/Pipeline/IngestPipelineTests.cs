using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Tests.Pipeline;

public sealed class IngestPipelineTests
{
    [Fact]
    public async Task Ingest_NewItems_CreateTicketsAndAcknowledgeAfterStoring()
    {
        using var harness = new PipelineHarness();
        var source = new MemorySource("inbox", batchSize: 3);
        for (var i = 1; i <= 7; i++)
        {
            source.Add($"mem:inbox/{i}", $"Subject: Richiesta {i}\n\nVorrei sapere come diventare volontario ({i}).");
        }

        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        summary.Should().BeEquivalentTo(new { Channel = "inbox", Fetched = 7, Created = 7, Quarantined = 0, Failed = (string?)null });
        source.Acknowledged.Should().HaveCount(7).And.OnlyHaveUniqueItems();
        source.Pending.Should().Be(0);
        var tickets = await harness.Store.QueryAsync(new TicketQuery(), CancellationToken.None);
        tickets.Select(t => t.SourceKey).Should().BeEquivalentTo(Enumerable.Range(1, 7).Select(i => $"mem:inbox/{i}"));
        tickets.Should().OnlyContain(t => t.DueAt > t.ReceivedAt && t.Number.StartsWith("PC-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_DuplicateMessage_CreatesOneTicket()
    {
        using var harness = new PipelineHarness();
        var first = new MemorySource("inbox");
        first.Add("mem:inbox/1", "Subject: Danni terremoto\n\nLa mia casa ha delle crepe.");
        await harness.Pipeline.RunAsync(first, null, CancellationToken.None);

        // The same message (same source key, same Message-ID) offered again, e.g. after a server-side restore.
        var again = new MemorySource("inbox");
        again.Add("mem:inbox/1", "Subject: Danni terremoto\n\nLa mia casa ha delle crepe.");
        var summary = await harness.Pipeline.RunAsync(again, null, CancellationToken.None);

        summary.Created.Should().Be(0);
        (summary.AlreadyStored + summary.Duplicates).Should().Be(1);
        again.Acknowledged.Should().Equal("mem:inbox/1");
        (await harness.Store.QueryAsync(new TicketQuery(), CancellationToken.None)).Should().ContainSingle();
    }

    [Fact]
    public async Task Ingest_SameMessageIdUnderAnotherKey_IsADuplicate()
    {
        using var harness = new PipelineHarness();
        var source = new MemorySource("inbox");
        source.Add("mem:inbox/1", "Subject: Alluvione\nMessage-ID: <abc@cittadino.it>\n\nAcqua in cantina.");
        source.Add("mem:inbox/2", "Subject: Alluvione\nMessage-ID: <abc@cittadino.it>\n\nAcqua in cantina.");

        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        summary.Created.Should().Be(1);
        summary.Duplicates.Should().Be(1);
        source.Acknowledged.Should().Equal("mem:inbox/1", "mem:inbox/2");
    }

    [Fact]
    public async Task Ingest_AlreadyStoredItem_IsAcknowledgedAndItsNormalisingStopped()
    {
        using var harness = new PipelineHarness();
        var crashed = new MemorySource("inbox");
        crashed.Add("mem:inbox/1", "Subject: Uno\n\nPrimo messaggio.");
        await harness.Pipeline.RunAsync(crashed, null, CancellationToken.None);

        // A crash between the store commit and the acknowledgement leaves the item on the server. Normalising it again
        // would take 30 s (a long letter's OCR): it is either not started, the store having answered, or stopped when
        // the answer comes.
        harness.Normalizer.Hold("mem:inbox/1");
        var restarted = new MemorySource("inbox");
        restarted.Add("mem:inbox/1", "Subject: Uno\n\nPrimo messaggio.");
        restarted.Add("mem:inbox/2", "Subject: Due\n\nSecondo messaggio.");
        var summary = await harness.Pipeline.RunAsync(restarted, null, CancellationToken.None);

        summary.AlreadyStored.Should().Be(1);
        summary.Created.Should().Be(1);
        harness.Normalizer.Finished("mem:inbox/1").Should().Be(1, "the stored item is normalised only in the first run");
        restarted.Acknowledged.Should().Equal("mem:inbox/1", "mem:inbox/2");
    }

    [Fact]
    public async Task Ingest_QuarantinedItemStillAtSource_IsRejectedAgainNotAcknowledged()
    {
        using var harness = new PipelineHarness();
        var crashed = new MemorySource("inbox");
        crashed.Add("mem:inbox/1", "Subject: Troppo grande\n\nREJECT");
        await harness.Pipeline.RunAsync(crashed, null, CancellationToken.None);
        crashed.Rejected.Should().ContainSingle();

        // A crash (or a failed move) between the quarantine record and the source's move leaves the item pending.
        var restarted = new MemorySource("inbox");
        restarted.Add("mem:inbox/1", "Subject: Troppo grande\n\nREJECT");
        var summary = await harness.Pipeline.RunAsync(restarted, null, CancellationToken.None);

        restarted.Acknowledged.Should().BeEmpty("acknowledging may delete the item at the source, and it has no ticket");
        restarted.Rejected.Should().Equal(("mem:inbox/1", "message over the size limit"));
        summary.Created.Should().Be(0);
        (await harness.Store.ListQuarantineAsync(includeResolved: true, CancellationToken.None)).Should().ContainSingle();
    }

    [Fact]
    public async Task Ingest_NormaliserThrows_QuarantinesItemAndProcessesTheNext()
    {
        using var harness = new PipelineHarness();
        var source = new MemorySource("inbox");
        source.Add("mem:inbox/1", "Subject: Rotto\n\nTHROW");
        source.Add("mem:inbox/2", "Subject: Troppo grande\n\nREJECT");
        source.Add("mem:inbox/3", "Subject: Buono\n\nUna richiesta normale.");

        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        summary.Quarantined.Should().Be(2);
        summary.Created.Should().Be(1);
        source.Rejected.Should().BeEquivalentTo(new[]
        {
            ("mem:inbox/1", "FormatException: broken structure at byte 12"),
            ("mem:inbox/2", "message over the size limit"),
        });
        source.Acknowledged.Should().Equal("mem:inbox/3");
        var quarantined = await harness.Store.ListQuarantineAsync(includeResolved: true, CancellationToken.None);
        quarantined.Should().HaveCount(2);
        quarantined.Should().OnlyContain(q => q.Original != null && q.Original.Size > 0, "the original bytes are archived");
        quarantined.Single(q => q.SourceKey == "mem:inbox/1").Reason.Should().Contain("FormatException");
    }

    [Fact]
    public async Task Ingest_DispatchThrows_AcknowledgesNothingAndRethrows()
    {
        using var harness = new PipelineHarness(configure: PipelineHarness.WithFailingStore);
        var store = (FailingStore)harness.Store;
        var source = new MemorySource("inbox", batchSize: 5);
        for (var i = 1; i <= 3; i++)
        {
            source.Add($"mem:inbox/{i}", $"Subject: Richiesta {i}\n\nTesto {i}.");
        }

        store.FailDispatch = true;
        var failing = () => harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        var thrown = await failing.Should().ThrowAsync<PollFailedException>();
        thrown.Which.InnerException.Should().BeOfType<IOException>();
        thrown.Which.Summary.Failed.Should().Contain("No space left on device");
        source.Acknowledged.Should().BeEmpty();
        source.Pending.Should().Be(3);

        // The next poll, with the store back, stores and acknowledges every item exactly once.
        store.FailDispatch = false;
        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);
        summary.Created.Should().Be(3);
        source.Acknowledged.Should().HaveCount(3);
    }

    [Fact]
    public async Task Ingest_SlowNormaliser_UsesParallelismAndKeepsOrder()
    {
        using var harness = new PipelineHarness(maxParallel: 4);
        var source = new MemorySource("scans", batchSize: 8);
        for (var i = 1; i <= 8; i++)
        {
            source.Add($"mem:scans/{i}", $"Subject: Lettera {i}\n\nSLOW lettera numero {i}.");
        }

        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        summary.Created.Should().Be(8);
        harness.Normalizer.MaxConcurrent.Should().BeGreaterThan(1).And.BeLessThanOrEqualTo(4);
        source.Acknowledged.Should().Equal(Enumerable.Range(1, 8).Select(i => $"mem:scans/{i}"));
        var tickets = await harness.Store.QueryAsync(new TicketQuery(), CancellationToken.None);
        tickets.OrderBy(t => t.Sequence).Select(t => t.SourceKey).Should().Equal(Enumerable.Range(1, 8).Select(i => $"mem:scans/{i}"),
            "ticket numbers follow the order of arrival, whatever order the normalisers finish in");
    }

    [Fact]
    public async Task Ingest_CancelledBetweenBatches_StopsWithEveryStoredItemAcknowledged()
    {
        using var harness = new PipelineHarness();
        var source = new MemorySource("inbox", batchSize: 2);
        for (var i = 1; i <= 6; i++)
        {
            source.Add($"mem:inbox/{i}", $"Subject: R{i}\n\nTesto {i}.");
        }

        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(_ => cts.Cancel());
        var summary = await harness.Pipeline.RunAsync(source, progress, cts.Token);

        summary.Created.Should().Be(2);
        source.Acknowledged.Should().Equal("mem:inbox/1", "mem:inbox/2");
        (await harness.Store.QueryAsync(new TicketQuery(), CancellationToken.None)).Should().HaveCount(2);
    }

    private sealed class SyncProgress(Action<PipelineProgress> report) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value) => report(value);
    }
}
