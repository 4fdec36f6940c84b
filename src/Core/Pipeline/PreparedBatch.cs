using ContactCenter.Core.Intake;

namespace ContactCenter.Core.Pipeline;

/// <summary>
/// A fetched batch once its items were sorted into known (already in the store) and fresh, and the fresh ones
/// normalised: nothing of it is stored or acknowledged yet, so it can be made while the batch before it is committed.
/// </summary>
internal sealed record PreparedBatch(
    InboundBatch Batch,
    DateTimeOffset ReadAt,
    IReadOnlyList<InboundItem> Known,
    IReadOnlyDictionary<string, string?> KnownKeys,
    NormalizedItem[] Normalized);
