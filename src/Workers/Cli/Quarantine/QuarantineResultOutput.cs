using ContactCenter.Workers.Backoffice;
using Spectre.Console;

namespace ContactCenter.Workers.Cli.Quarantine;

internal static class QuarantineResultOutput
{
    public static async Task<int> WriteAsync(CliContext context, bool json, QuarantineActionResult result)
    {
        if (json)
        {
            CliJson.Write(context.Output, result);
        }
        else if (result.Outcome == BackofficeOutcome.Done)
        {
            context.Console.MarkupLine($"[green]{Markup.Escape(result.Message)}[/]");
        }

        if (result.Outcome != BackofficeOutcome.Done)
        {
            await context.Error.WriteLineAsync(result.Message).ConfigureAwait(false);
        }

        return ExitCodes.Of(result.Outcome);
    }
}
