using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Schema;

/// <summary>
/// What one migration's steps share: the database, the log, how often a waiting step says what it waits for, and how
/// long a script waits in a table's lock queue before stepping out of it (<see cref="LockQueue"/>).
/// </summary>
internal sealed record MigrationRun(NpgsqlDataSource DataSource, ILogger Logger, TimeSpan WaitReportInterval)
{
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan DefaultLockRetryDelay = TimeSpan.FromSeconds(2);

    public TimeSpan LockTimeout { get; init; } = DefaultLockTimeout;

    public TimeSpan LockRetryDelay { get; init; } = DefaultLockRetryDelay;
}
