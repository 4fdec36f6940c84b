using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Schema;

/// <summary>What one migration's steps share: the database, the log, and how often a waiting build says what it waits for.</summary>
internal sealed record MigrationRun(NpgsqlDataSource DataSource, ILogger Logger, TimeSpan WaitReportInterval);
