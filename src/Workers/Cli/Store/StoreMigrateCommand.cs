using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Workers.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Store;

/// <summary><c>contactcenter store migrate</c>: applies the schema scripts the database lacks, under the cluster-wide lock.</summary>
internal sealed class StoreMigrateCommand(CliContext context) : AsyncCommand<CommonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, CommonSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            // Information: an admin sees each script applied and, while another node holds the lock, why nothing happens.
            await using var session = CliSession.Open(context, settings, command, LogLevel.Information);
            if (!StoreProviderServiceCollectionExtensions.IsShared(session.Configuration))
            {
                context.Error.WriteLine($"{StoreOptions.SectionName}:Provider is LiteDb: the LiteDB store needs no migration.");
                return ExitCodes.BadUsage;
            }

            var applied = await PostgreSqlTicketStoreFactory.MigrateAsync(
                session.Get<NpgsqlDataSource>(), session.Get<ILoggerFactory>(), cancellationToken).ConfigureAwait(false);
            context.Output.WriteLine(applied.Count == 0
                ? $"Schema already at version {PostgreSqlTicketStoreFactory.LatestSchemaVersion}."
                : $"Schema migrated to version {PostgreSqlTicketStoreFactory.LatestSchemaVersion} (applied {string.Join(", ", applied)}).");
            return ExitCodes.Ok;
        });
}
