using ContactCenter.Stores.PostgreSql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Workers.Hosting;

/// <summary>
/// Migrates the PostgreSQL schema before anything else starts (the Quartz job store validates its tables when it
/// starts). A database that cannot be reached yet is waited for, with a warning every attempt, so nodes may start
/// before the database does; a schema newer than this program stops the start.
/// </summary>
internal sealed partial class StoreSchemaMigration(NpgsqlDataSource dataSource, ILoggerFactory loggerFactory, ILogger<StoreSchemaMigration> logger)
    : IHostedService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await PostgreSqlTicketStoreFactory.MigrateAsync(dataSource, loggerFactory, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException e) when (e is not PostgresException || e.IsTransient)
            {
                DatabaseUnreachable(logger, attempt, RetryDelay, e.Message);
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2950, Level = LogLevel.Warning, Message = "The ticket database cannot be reached (attempt {Attempt}), trying again in {Delay}: {Error}")]
    private static partial void DatabaseUnreachable(ILogger logger, int attempt, TimeSpan delay, string error);
}
