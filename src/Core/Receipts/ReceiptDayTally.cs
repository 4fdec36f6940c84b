namespace ContactCenter.Core.Receipts;

/// <summary>
/// Receipts granted by this process today, per address. The store only counts rows already committed, so without
/// this a batch of 100 messages from one sender (a mail loop) would be granted 100 receipts before any is stored.
/// The policy uses the larger of the two counts, so nothing is counted twice.
/// </summary>
internal sealed class ReceiptDayTally
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> counts = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset day;

    public int Get(string address, DateTimeOffset dayStart)
    {
        lock (gate)
        {
            Roll(dayStart);
            return counts.GetValueOrDefault(address);
        }
    }

    public void Add(string address, DateTimeOffset dayStart)
    {
        lock (gate)
        {
            Roll(dayStart);
            counts[address] = counts.GetValueOrDefault(address) + 1;
        }
    }

    private void Roll(DateTimeOffset dayStart)
    {
        if (dayStart != day)
        {
            counts.Clear();
            day = dayStart;
        }
    }
}
