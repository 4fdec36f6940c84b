using ContactCenter.Core.Intake;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests;

/// <summary>Drives a source the way the pipeline does: poll, and acknowledge each batch before the next.</summary>
internal static class SourceTestExtensions
{
    public static async Task<List<InboundBatch>> PollAllAsync(this IInboundSource source, bool acknowledge)
    {
        var batches = new List<InboundBatch>();
        await foreach (var batch in source.PollAsync(CancellationToken.None))
        {
            batches.Add(batch);
            if (acknowledge)
            {
                await source.AcknowledgeAsync(batch.Items, CancellationToken.None);
            }
        }

        return batches;
    }

    public static List<InboundItem> Items(this IEnumerable<InboundBatch> batches) => batches.SelectMany(b => b.Items).ToList();

    /// <summary>The items of one poll, not acknowledged.</summary>
    public static async Task<List<InboundItem>> PollItemsAsync(this IInboundSource source) => (await source.PollAllAsync(acknowledge: false)).Items();

    /// <summary>
    /// What a file source takes once its files have stood still: a first poll that must take nothing, then, after
    /// <paramref name="stableFor"/>, a second poll (neither acknowledged).
    /// </summary>
    public static async Task<List<InboundItem>> StableItemsAsync(this IInboundSource source, FakeTimeProvider time, TimeSpan stableFor)
    {
        (await source.PollItemsAsync()).Should().BeEmpty("nothing is taken at first sight");
        time.Advance(stableFor);
        return await source.PollItemsAsync();
    }
}
