using ContactCenter.Core.Storage;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>The normalisers take a batch's largest items first; everything after them keeps the batch's order.</summary>
public sealed class NormaliseOrderTests
{
    [Fact]
    public async Task Ingest_LargeItemsLateInTheBatch_NormalisedFirst_TicketsNumberedInTheBatchOrder()
    {
        using var harness = new PipelineHarness(maxParallel: 1);
        var source = new MemorySource("mail", batchSize: 5);
        source.Add("mem:mail/1", "Subject: Una\n\nbreve");
        source.Add("mem:mail/2", "Subject: Due\n\n" + new string('b', 2_000));
        source.Add("mem:mail/3", "Subject: Tre\n\nbreve anche questa");
        source.Add("mem:mail/4", "Subject: Quattro\n\n" + new string('d', 50_000));
        source.Add("mem:mail/5", "Subject: Tra\n\nbreve"); // as long as the first: the two keep their order

        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        summary.Created.Should().Be(5);
        harness.Normalizer.Order.Should().Equal("mem:mail/4", "mem:mail/2", "mem:mail/3", "mem:mail/1", "mem:mail/5");
        source.Acknowledged.Should().Equal("mem:mail/1", "mem:mail/2", "mem:mail/3", "mem:mail/4", "mem:mail/5");
        var tickets = await harness.Store.QueryAsync(new TicketQuery(), CancellationToken.None);
        tickets.OrderBy(t => t.Number, StringComparer.Ordinal).Select(t => t.SourceKey)
            .Should().Equal("mem:mail/1", "mem:mail/2", "mem:mail/3", "mem:mail/4", "mem:mail/5");
    }
}
