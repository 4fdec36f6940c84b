using ContactCenter.Stores.PostgreSql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Workers.Hosting;

/// <summary>
/// Migrates the PostgreSQL schema before anything else starts (the Quartz job store validates its tables when it
/// starts). A database that cannot be reached yet is waited for, with a warning every attempt, so nodes may start
/// before the database does; a schema newer than this program stops the start. Under systemd both may take longer than
/// the unit's start timeout: <see cref="StartupProgress"/> asks for more time meanwhile.
/// </summary>
internal sealed partial class StoreSchemaMigration(
    NpgsqlDataSource dataSource, StartupProgress progress, ILoggerFactory loggerFactory, ILogger<StoreSchemaMigration> logger) : IHostedService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    public Task StartAsync(CancellationToken cancellationToken) =>
        progress.RunAsync("Migrating the ticket database's schema (or waiting for the database)", MigrateAsync, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(CancellationToken cancellationToken)
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

    [LoggerMessage(EventId = 2950, Level = LogLevel.Warning, Message = "The ticket database cannot be reached (attempt {Attempt}), trying again in {Delay}: {Error}")]
    private static partial void DatabaseUnreachable(ILogger logger, int attempt, TimeSpan delay, string error);
}
