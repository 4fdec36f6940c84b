using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Pipeline;

/// <summary>
/// Runs the normalisers of a batch in parallel (OCR is the slow part of a scan or fax batch) and returns the results
/// in the batch's order. A normaliser's failure becomes a quarantine reason; only cancellation and a failure of the
/// service's own storage (<see cref="StorageUnavailableException"/>) escape.
/// </summary>
internal sealed class ItemNormalizerRunner(IEnumerable<IItemNormalizer> normalizers, IOptions<PipelineOptions> options)
{
    private readonly IItemNormalizer[] normalizers = normalizers.ToArray();

    /// <summary>
    /// The results in the items' order. An item that <paramref name="known"/> (the store's answer, which may still be on
    /// its way) names is left null: not started once the answer is in, and abandoned if it was started before.
    /// </summary>
    public async Task<NormalizedItem?[]> NormalizeAllAsync(
        IReadOnlyList<InboundItem> items, Task<IReadOnlyDictionary<string, string?>> known, CancellationToken cancellationToken)
    {
        var results = new NormalizedItem?[items.Count];
        var cancellation = new KnownItemCancellation(known);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxParallelNormalizers),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), parallel, async (index, token) =>
            results[index] = await NormalizeUnlessKnownAsync(items[index], index, cancellation, token).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    private async Task<NormalizedItem?> NormalizeUnlessKnownAsync(InboundItem item, int index, KnownItemCancellation known, CancellationToken cancellationToken)
    {
        using var abandon = known.Start(index, item.SourceKey, cancellationToken);
        if (abandon is null)
        {
            return null;
        }

        try
        {
            return await NormalizeAsync(item, abandon.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            known.Finish(index);
        }
    }

    private async Task<NormalizedItem> NormalizeAsync(InboundItem item, CancellationToken cancellationToken)
    {
        var normalizer = Array.Find(normalizers, n => n.CanNormalize(item));
        if (normalizer is null)
        {
            return NormalizedItem.Rejected(item, $"no normaliser for {item.Channel} item of type {item.OriginalContentType}");
        }

        try
        {
            var drafts = await NormalizeAllAsync(normalizer, item, cancellationToken).ConfigureAwait(false);
            return drafts.Count == 0 ? NormalizedItem.Rejected(item, "the normaliser made no draft") : new NormalizedItem(item, drafts, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (InboundItemRejectedException ex)
        {
            return NormalizedItem.Rejected(item, ex.Message);
        }
        catch (StorageUnavailableException)
        {
            throw; // the disk's or the database's fault, not the item's: the poll fails and the item is taken again later
        }
        catch (Exception ex)
        {
            // A bug or a hostile input in one item must not stop the others: it goes to quarantine with its cause.
            return NormalizedItem.Rejected(item, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static async Task<IReadOnlyList<TicketDraft>> NormalizeAllAsync(IItemNormalizer normalizer, InboundItem item, CancellationToken cancellationToken) =>
        normalizer is IMultiDraftNormalizer multi
            ? await multi.NormalizeAllAsync(item, cancellationToken).ConfigureAwait(false)
            : [await normalizer.NormalizeAsync(item, cancellationToken).ConfigureAwait(false)];
}
