using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Tests.Email;

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
}
