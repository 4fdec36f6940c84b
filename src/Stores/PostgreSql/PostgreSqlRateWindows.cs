using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// The cluster's rate windows in <c>rate_windows</c>: one upsert per counted request. Windows older than a day are
/// deleted by whichever node counts first after an hour, so the table holds about a day of clients.
/// </summary>
internal sealed class PostgreSqlRateWindows(NpgsqlDataSource dataSource, TimeProvider time, ILogger logger) : ISharedRateCounter
{
    private static readonly TimeSpan Kept = TimeSpan.FromDays(1);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private readonly SchemaGate _schema = new(dataSource, logger);
    private long _nextPrune;

    public async Task<int> HitAsync(string policy, string client, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var hits = await Sql.ScalarAsync(connection,
            "INSERT INTO rate_windows (policy, client, window_start, hits) VALUES (@policy, @client, @start, 1) "
            + "ON CONFLICT (policy, client, window_start) DO UPDATE SET hits = rate_windows.hits + 1 RETURNING hits",
            cancellationToken, ("policy", policy), ("client", client), ("start", windowStart.ToUniversalTime())).ConfigureAwait(false);
        await PruneAsync(connection, cancellationToken).ConfigureAwait(false);
        return Convert.ToInt32(hits, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task PruneAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = Interlocked.Read(ref _nextPrune);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPrune, (now + PruneEvery).UtcTicks, due) != due)
        {
            return;
        }

        await Sql.ExecuteAsync(connection, "DELETE FROM rate_windows WHERE window_start < @before", cancellationToken, ("before", (now - Kept).ToUniversalTime()))
            .ConfigureAwait(false);
    }
}
