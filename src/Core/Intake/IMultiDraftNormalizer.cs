namespace ContactCenter.Core.Intake;

/// <summary>
/// A normaliser whose one item may hold several requests, e.g. a batch scan of three letters split at blank separator
/// pages. Each draft is its own ticket with its own source key (see <see cref="PartSourceKey"/>), so "one source key,
/// one ticket" still holds. The pipeline must dispatch all drafts of one item in the same
/// <see cref="Storage.ITicketStore.DispatchAsync"/> call (one transaction) and acknowledge the item only after it:
/// then the item's own key (which the first draft keeps) is known exactly when every part is stored, and the
/// pipeline's <see cref="Storage.ITicketStore.FindKnownSourcesAsync"/> check of a fetched batch stays correct.
/// </summary>
public interface IMultiDraftNormalizer : IItemNormalizer
{
    /// <summary>One or more drafts, in order; the first carries <see cref="InboundItem.SourceKey"/> unchanged.</summary>
    Task<IReadOnlyList<TicketDraft>> NormalizeAllAsync(InboundItem item, CancellationToken cancellationToken);

    /// <summary>Part 1 keeps the item's key; part N (N ≥ 2) gets <c>{key}#partN</c>.</summary>
    static string PartSourceKey(string itemSourceKey, int part) =>
        part <= 1 ? itemSourceKey : $"{itemSourceKey}#part{part}";
}
