using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Spam;

/// <summary>
/// <c>contactcenter spam save ID [--to FOLDER]</c>: the held message as an .eml file, to judge a possible false positive
/// before releasing or confirming it. Hash-checked; open it in a mail client, not a browser.
/// </summary>
internal sealed class SpamSaveCommand(CliContext context) : AsyncCommand<SpamSaveSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, SpamSaveSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var record = await client.GetSpamAsync(settings.Id, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                await context.Error.WriteLineAsync($"No spam item {settings.Id}.").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            return await OriginalSave.RunAsync(context, $"spam item {settings.Id}", record.Original,
                ct => client.OpenSpamOriginalAsync(settings.Id, ct), settings.To ?? $"spam-{settings.Id}", settings.Json, cancellationToken).ConfigureAwait(false);
        });
}
