using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Hands out ticket numbers inside the dispatch transaction, like the LiteDB store's TicketSequence: the year's
/// counter row is incremented in place, so its row lock makes concurrent writers on every node wait for each other
/// and a number is never handed out twice; a rolled-back batch gives its numbers back (nothing carried them). A
/// missing row (new year, or a row lost) starts after the highest number stored for that year.
/// </summary>
internal static class PostgreSqlTicketSequence
{
    public static async Task<(string Number, int Year, int Sequence)> NextAsync(NpgsqlConnection db, string prefix, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var year = TicketYear.Of(receivedAt);
        var value = await Sql.ScalarAsync(db,
            """
            INSERT INTO counters (year, value)
            VALUES (@year, (SELECT coalesce(max(sequence), 0) + 1 FROM tickets WHERE year = @year))
            ON CONFLICT (year) DO UPDATE SET value = counters.value + 1
            RETURNING value
            """, cancellationToken, ("year", year)).ConfigureAwait(false);
        var sequence = (int)value!;
        return (TicketNumber.Format(prefix, year, sequence), year, sequence);
    }
}
