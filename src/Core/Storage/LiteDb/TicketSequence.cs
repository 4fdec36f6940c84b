using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>
/// Hands out ticket numbers inside the dispatch transaction. The counter row commits with the ticket, so a rolled-back
/// batch gives its numbers back (nothing carried them); a number that exists is never handed out again, even if
/// the counter row were lost.
/// </summary>
internal sealed class TicketSequence(StoreCollections collections, string prefix)
{
    public (string Number, int Year, int Sequence) Next(DateTimeOffset receivedAt)
    {
        var year = TicketYear.Of(receivedAt);
        var key = year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        var stored = collections.Counters.FindById(key);
        var counter = stored ?? new CounterRecord { Key = key };

        // The counter row commits with its tickets, so while it exists no number above it can. Only a missing row
        // (a new year, or a row lost) needs the look-up, which costs milliseconds per ticket on a large store.
        string number;
        do
        {
            counter.Value++;
            number = TicketNumber.Format(prefix, year, counter.Value);
        }
        while (stored is null && collections.Tickets.Exists(StoreQuery.Eq(nameof(Ticket.Number), number)));

        collections.Counters.Upsert(counter);
        return (number, year, counter.Value);
    }
}
