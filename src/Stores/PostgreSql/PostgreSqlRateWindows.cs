using ContactCenter.Core.Diagnostics;
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
    private readonly SchemaGate _schema = new(dataSource, logger);
    private readonly IntervalGate _prune = new(time, TimeSpan.FromHours(1));

    public async Task<int> HitAsync(string policy, string client, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var hits = await Sql.ScalarAsync(connection,
            "INSERT INTO rate_windows (policy, client, window_start, hits) VALUES (@policy, @client, @start, 1) "
            + "ON CONFLICT (policy, client, window_start) DO UPDATE SET hits = rate_windows.hits + 1 RETURNING hits",
            cancellationToken, ("policy", policy), ("client", client), ("start", windowStart.ToUniversalTime())).ConfigureAwait(false);
        if (_prune.Due())
        {
            await Sql.ExecuteAsync(connection, "DELETE FROM rate_windows WHERE window_start < @before", cancellationToken,
                ("before", (time.GetUtcNow() - Kept).ToUniversalTime())).ConfigureAwait(false);
        }

        return Convert.ToInt32(hits, System.Globalization.CultureInfo.InvariantCulture);
    }
}
