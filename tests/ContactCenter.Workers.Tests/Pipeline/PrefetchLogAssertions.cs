namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>What a pipelined poll's event log must show, whatever the source.</summary>
internal static class PrefetchLogAssertions
{
    /// <summary>Every acknowledgement comes after its own batch's commit, in batch order, and batch 2 was fetched ahead.</summary>
    public static void EachAcknowledgementAfterItsCommitInOrder(PipelineEventLog log, int expectedBatches)
    {
        var events = log.Snapshot();
        var acks = events.Where(e => e.StartsWith("ack ", StringComparison.Ordinal)).ToList();
        acks.Should().HaveCount(expectedBatches);
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

        if (expectedBatches > 1)
        {
            log.IndexOf("fetch 2 started").Should().BeLessThan(log.IndexOf($"commit {FirstKey(events, 1)}"), "the next batch is fetched while one is stored");
        }
    }

    /// <summary>After a crash at batch 2's commit: batch 1 alone was acknowledged, after its commit, and batch 3 was being fetched.</summary>
    public static void OnlyBatchOneAcknowledgedAndBatchThreeFetchedAhead(PipelineEventLog log, int batchSize)
    {
        var events = log.Snapshot();
        events.Should().ContainSingle(e => e.StartsWith("ack ", StringComparison.Ordinal), "only batch 1 was acknowledged");
        var batch1 = FirstKey(events, 1);
        log.IndexOf($"ack {batch1} ({batchSize})").Should().BeGreaterThan(log.IndexOf($"commit {batch1}"));
        log.IndexOf("fetch 3 started").Should().BeLessThan(log.IndexOf($"failed {FirstKey(events, 2)}"), "batch 3 was fetched while batch 2 was stored");
    }

    public static string FirstKey(IReadOnlyList<string> events, int batch)
    {
        var prefix = $"fetch {batch} ended ";
        return events.Single(e => e.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
    }
}
