using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Schema;

/// <summary>
/// What one migration's steps share: the database, the log, how often a waiting step says what it waits for, and how
/// long a script that found its table locked stays out of the lock queue (<see cref="LockQueue"/>).
/// </summary>
internal sealed record MigrationRun(NpgsqlDataSource DataSource, ILogger Logger, TimeSpan WaitReportInterval, TimeSpan LockRetryDelay);
