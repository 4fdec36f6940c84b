using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Hands out ticket numbers inside the dispatch transaction, like the LiteDB store's TicketSequence. The first number a
/// batch needs in a year locks that year's counter row and reads it (one statement); the rest of the batch's numbers
/// follow in memory and the row gets its last value with the batch's writes. The row lock, held until the batch
/// commits, makes concurrent writers on every node wait for each other, so a number is never handed out twice; a
/// rolled-back batch gives its numbers back (nothing carried them). A missing row (new year, or a row lost) starts
/// after the highest number stored for that year.
/// </summary>
internal sealed class BatchTicketNumbers(NpgsqlConnection db, string prefix)
{
    private readonly Dictionary<int, int> _last = [];
    private readonly HashSet<int> _unwritten = [];

    public async Task<(string Number, int Year, int Sequence)> NextAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var year = TicketYear.Of(receivedAt);
        if (!_last.TryGetValue(year, out var last))
        {
            last = (int)(await Sql.ScalarAsync(db,
                """
                INSERT INTO counters (year, value)
                VALUES (@year, (SELECT coalesce(max(sequence), 0) FROM tickets WHERE year = @year))
                ON CONFLICT (year) DO UPDATE SET value = counters.value
                RETURNING value
                """, cancellationToken, ("year", year)).ConfigureAwait(false))!;
        }

        _last[year] = ++last;
        _unwritten.Add(year);
        return (TicketNumber.Format(prefix, year, last), year, last);
    }

    /// <summary>The counter rows' new values, once: the next call returns only what changed since.</summary>
    public IEnumerable<NpgsqlBatchCommand> TakeWrites()
    {
        var commands = _unwritten.Select(year => Sql.BatchCommand("UPDATE counters SET value = @value WHERE year = @year", ("value", _last[year]), ("year", year)))
            .ToList();
        _unwritten.Clear();
        return commands;
    }
}
