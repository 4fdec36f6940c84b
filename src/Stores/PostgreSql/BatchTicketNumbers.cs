using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Hands out ticket numbers inside the dispatch transaction, like the LiteDB store's TicketSequence. The counter rows of
/// the years the batch's items arrived in are locked and read with the batch's first reads (<see cref="Lock"/>, no
/// round trip of their own); a number in another year locks and reads its row when first needed. The rest of the
/// batch's numbers follow in memory and each row gets its last value with the batch's writes. The row lock, held until
/// the batch commits, makes concurrent writers on every node wait for each other, so a number is never handed out
/// twice; a rolled-back batch gives its numbers back (nothing carried them). A missing row (new year, or a row lost)
/// starts after the highest number stored for that year.
/// </summary>
internal sealed class BatchTicketNumbers(NpgsqlConnection db, string prefix)
{
    private const string LockSql =
        """
        INSERT INTO counters (year, value)
        SELECT y, (SELECT coalesce(max(sequence), 0) FROM tickets WHERE year = y) FROM unnest(@years) AS t(y) ORDER BY y
        ON CONFLICT (year) DO UPDATE SET value = counters.value
        RETURNING year, value
        """;

    private readonly Dictionary<int, int> _last = [];
    private readonly HashSet<int> _unwritten = [];

    /// <summary>
    /// The statement that locks and reads the counter rows of <paramref name="arrivals"/>' years (in year order, so two
    /// batches cannot deadlock on them), with what reads its rows.
    /// </summary>
    public (NpgsqlBatchCommand Command, Action<NpgsqlDataReader> ReadRow) Lock(IEnumerable<DateTimeOffset> arrivals) =>
        (Sql.BatchCommand(LockSql, ("years", arrivals.Select(TicketYear.Of).Distinct().Order().ToArray())),
            r => _last[r.GetInt32(0)] = r.GetInt32(1));

    public async Task<(string Number, int Year, int Sequence)> NextAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var year = TicketYear.Of(receivedAt);
        if (!_last.TryGetValue(year, out var last))
        {
            last = (await Sql.ListAsync(db, LockSql, r => r.GetInt32(1), cancellationToken, ("years", new[] { year })).ConfigureAwait(false)).Single();
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
