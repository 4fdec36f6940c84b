using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Stores.PostgreSql.Copy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Store;

/// <summary>
/// <c>contactcenter store copy --to-config FILE</c>: the LiteDB store of <c>--config</c> (service stopped) into the
/// PostgreSQL store that FILE configures; run it again after an interruption, it goes on where it stopped. A target
/// holding anything else (the service already ran on it) is refused before a row is written.
/// </summary>
internal sealed class StoreCopyCommand(CliContext context) : AsyncCommand<StoreCopySettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, StoreCopySettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            var source = session.Get<IOptions<StoreOptions>>().Value;
            if (source.Provider != StoreProvider.LiteDb)
            {
                context.Error.WriteLine("--config must name the LiteDB store to copy from (ContactCenter:Store:Provider LiteDb).");
                return ExitCodes.BadUsage;
            }

            var targetConfig = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(settings.ToConfig), optional: false).Build();
            var target = targetConfig.GetSection(PostgreSqlStoreOptions.SectionName).Get<PostgreSqlStoreOptions>();
            if (targetConfig.GetValue($"{StoreOptions.SectionName}:Provider", StoreProvider.LiteDb) != StoreProvider.PostgreSql || target is null)
            {
                context.Error.WriteLine($"{settings.ToConfig} must set ContactCenter:Store:Provider to PostgreSql and fill {PostgreSqlStoreOptions.SectionName}.");
                return ExitCodes.BadUsage;
            }

            var targetStore = targetConfig.GetSection(StoreOptions.SectionName).Get<StoreOptions>() ?? new StoreOptions();
            await using var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(target);
            var report = await LiteDbToPostgreSqlCopy.RunAsync(source, dataSource, targetStore, target, cancellationToken).ConfigureAwait(false);
            var table = new Table().AddColumns("Table", "LiteDB", "PostgreSQL");
            foreach (var count in report.Counts)
            {
                table.AddRow(count.Table, count.Source.ToString(System.Globalization.CultureInfo.InvariantCulture), count.Target.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            context.Console.Write(table);
            if (!report.Refused)
            {
                context.Console.MarkupLine($"Originals read back and re-hashed: {report.BlobsVerified}");
            }

            foreach (var problem in report.Problems)
            {
                context.Console.MarkupLine($"[red]{Markup.Escape(problem)}[/]");
            }

            context.Console.MarkupLine(report switch
            {
                { Refused: true } => "[red]Nothing copied: the target already holds rows that did not come from this LiteDB store.[/]\n"
                    + "[red]The service ran on it, another store was copied into it, or this store changed since an earlier copy. Copy into an empty database.[/]",
                { Verified: true } => "[green]Copy verified.[/]",
                _ => "[red]Copy NOT verified: see above; run it again or investigate.[/]",
            });
            return report.Verified ? ExitCodes.Ok : ExitCodes.Failure;
        });
}
