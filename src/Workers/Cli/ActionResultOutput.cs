using ContactCenter.Workers.Backoffice;
using Spectre.Console;

namespace ContactCenter.Workers.Cli;

/// <summary>What a quarantine or spam action prints: the result as JSON, or its message (green when done, on stderr when not), and the exit code.</summary>
internal static class ActionResultOutput
{
    public static Task<int> WriteAsync(CliContext context, bool json, QuarantineActionResult result) =>
        WriteAsync(context, json, result, result.Outcome, result.Message);

    public static Task<int> WriteAsync(CliContext context, bool json, SpamActionResult result) =>
        WriteAsync(context, json, result, result.Outcome, result.Message);

    private static async Task<int> WriteAsync<T>(CliContext context, bool json, T result, BackofficeOutcome outcome, string message)
    {
        if (json)
        {
            CliJson.Write(context.Output, result);
        }
        else if (outcome == BackofficeOutcome.Done)
        {
            context.Console.MarkupLine($"[green]{Markup.Escape(message)}[/]");
        }

        if (outcome != BackofficeOutcome.Done)
        {
            await context.Error.WriteLineAsync(message).ConfigureAwait(false);
        }

        return ExitCodes.Of(outcome);
    }
}
