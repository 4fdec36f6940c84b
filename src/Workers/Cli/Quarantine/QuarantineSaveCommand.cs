using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Quarantine;

/// <summary>
/// <c>contactcenter quarantine save ID [--to FOLDER]</c>: the item's archived original as a file, to see what could not
/// become a ticket before retrying or discarding it, wherever the archive is (PostgreSQL included). Hash-checked.
/// </summary>
internal sealed class QuarantineSaveCommand(CliContext context) : AsyncCommand<QuarantineSaveSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, QuarantineSaveSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var record = await client.GetQuarantineAsync(settings.Id, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                await context.Error.WriteLineAsync($"No quarantined item {settings.Id}.").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            return await OriginalSave.RunAsync(context, $"quarantined item {settings.Id}", record.Original,
                ct => client.OpenQuarantineOriginalAsync(settings.Id, ct), settings.To ?? $"quarantine-{settings.Id}", settings.Json, cancellationToken).ConfigureAwait(false);
        });
}
