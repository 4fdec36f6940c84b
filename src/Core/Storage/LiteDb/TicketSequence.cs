using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>
/// Hands out ticket numbers inside the dispatch transaction. The counter row commits with the ticket, so a rolled-back
/// batch gives its numbers back (nothing carried them); a number that exists is never handed out again, even if
/// the counter row were lost. One instance serves one batch: each year's row is read once and written once, by
/// <see cref="Save"/> before the commit, instead of a read and an upsert per ticket.
/// </summary>
internal sealed class TicketSequence(StoreCollections collections, string prefix)
{
    private readonly Dictionary<string, CounterRecord> _counters = new(StringComparer.Ordinal);

    public (string Number, int Year, int Sequence) Next(DateTimeOffset receivedAt)
    {
        var year = TicketYear.Of(receivedAt);
        var key = year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        // The counter row commits with its tickets, so while it exists no number above it can. Only a missing row
        // (a new year, or a row lost) needs the look-up, which costs milliseconds per ticket on a large store; after
        // the first number of the batch the row is this batch's own.
        var verify = false;
        if (!_counters.TryGetValue(key, out var counter))
        {
            var stored = collections.Counters.FindById(key);
            verify = stored is null;
            counter = stored ?? new CounterRecord { Key = key };
            _counters[key] = counter;
        }

        string number;
        do
        {
            counter.Value++;
            number = TicketNumber.Format(prefix, year, counter.Value);
        }
        while (verify && collections.Tickets.Exists(StoreQuery.Eq(nameof(Ticket.Number), number)));

        return (number, year, counter.Value);
    }

    /// <summary>Writes the rows this batch moved on; called inside the batch's transaction, before its commit.</summary>
    public void Save()
    {
        foreach (var counter in _counters.Values)
        {
            collections.Counters.Upsert(counter);
        }
    }
}
