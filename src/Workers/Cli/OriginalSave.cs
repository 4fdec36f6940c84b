using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Backoffice;

namespace ContactCenter.Workers.Cli;

/// <summary>The end of <c>quarantine save</c> and <c>spam save</c>: the item's archived original written into a folder, checked.</summary>
internal static class OriginalSave
{
    public static async Task<int> RunAsync(CliContext context, string owner, TicketAttachment? original, Func<CancellationToken, Task<ArchivedFile?>> open,
        string folder, bool json, CancellationToken cancellationToken)
    {
        if (original is null)
        {
            await context.Error.WriteLineAsync($"{owner} has no archived original.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        var saved = await ArchivedFileSaver.SaveAsync(open, owner, original, full, cancellationToken).ConfigureAwait(false);
        if (json)
        {
            CliJson.Write(context.Output, saved);
        }
        else
        {
            await context.Output.WriteLineAsync($"Saved {saved.FileName} ({saved.Size} B) to {saved.Path}").ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }
}
