using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Quarantine;

/// <summary><c>contactcenter quarantine retry ID</c>: once the cause is fixed (a rule, a limit, a normaliser).</summary>
internal sealed class QuarantineRetryCommand(CliContext context) : AsyncCommand<QuarantineIdSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, QuarantineIdSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command, readsItems: true);
            await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var result = await client.RetryQuarantineAsync(settings.Id, CliActor.Current, cancellationToken).ConfigureAwait(false);
            return await ActionResultOutput.WriteAsync(context, settings.Json, result).ConfigureAwait(false);
        });
}
