using ContactCenter.Workers.Backoffice;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Spam;

/// <summary><c>contactcenter spam release ID</c>.</summary>
internal sealed class SpamReleaseCommand(CliContext context) : AsyncCommand<SpamIdSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, SpamIdSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command, readsItems: true);
            await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var result = await client.ReleaseSpamAsync(settings.Id, CliActor.Current, cancellationToken).ConfigureAwait(false);
            return await ActionResultOutput.WriteAsync(context, settings.Json, result).ConfigureAwait(false);
        });
}
