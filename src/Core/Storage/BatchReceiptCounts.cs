namespace ContactCenter.Core.Storage;

/// <summary>
/// Receipts already queued today to each sender of a dispatch batch, read with one query per batch instead of one per
/// ticket, then kept up to date as the batch queues its own. An address or day the batch did not announce (none does
/// in practice: one day per batch) reports nothing known and the store counts it directly.
/// </summary>
internal sealed class BatchReceiptCounts
{
    private readonly Dictionary<string, int> _counts;

    public BatchReceiptCounts(DateTimeOffset? since, IEnumerable<string> addresses, IEnumerable<(string Address, int Count)> queued)
    {
        Since = since;
        _counts = addresses.ToDictionary(a => a, _ => 0, StringComparer.Ordinal);
        foreach (var (address, count) in queued)
        {
            if (_counts.ContainsKey(address))
            {
                _counts[address] += count;
            }
        }
    }

    /// <summary>The day's start the counts are from; null when the batch has no limited receipt.</summary>
    public DateTimeOffset? Since { get; }

    /// <summary>The normalised addresses (trimmed, lower case) and the day start the batch's limited receipts need.</summary>
    public static (IReadOnlyList<string> Addresses, DateTimeOffset? Since) Wanted(IEnumerable<DispatchRequest> batch)
    {
        var limited = batch.Where(r => r.ReceiptLimit is not null && !string.IsNullOrWhiteSpace(r.ReceiptTo)).ToList();
        if (limited.Count == 0)
        {
            return ([], null);
        }

        var since = limited[0].ReceiptLimit!.Since;
        return ([.. limited.Where(r => r.ReceiptLimit!.Since == since).Select(r => Key(r.ReceiptTo!)).Distinct(StringComparer.Ordinal)], since);
    }

    public static string Key(string address) => address.Trim().ToLowerInvariant();

    public bool TryGet(string address, DateTimeOffset since, out int count)
    {
        count = 0;
        return since == Since && _counts.TryGetValue(Key(address), out count);
    }

    /// <summary>A receipt this batch queued: later tickets of the batch count it.</summary>
    public void Queued(string address, DateTimeOffset createdAt)
    {
        var key = Key(address);
        if (Since is { } since && createdAt >= since && _counts.TryGetValue(key, out var count))
        {
            _counts[key] = count + 1;
        }
    }
}
