using ContactCenter.Workers.Backoffice;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary>
/// <c>contactcenter tickets save NUMBER [--to FOLDER] [--file NAME]</c>: the ticket's originals and attachments as
/// files, through the running service when there is one (its archive may be in PostgreSQL), else from the store.
/// </summary>
internal sealed class TicketsSaveCommand(CliContext context) : AsyncCommand<TicketsSaveSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, TicketsSaveSettings settings, CancellationToken cancellationToken) =>
        TicketRead.RunAsync(context, command, settings, async (_, client, ticket) =>
        {
            var all = TicketFiles.Of(ticket);
            var chosen = settings.File is { } wanted
                ? all.Where(f => string.Equals(f.FileName, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(f.Sha256, wanted, StringComparison.OrdinalIgnoreCase)).ToList()
                : all;
            if (chosen.Count == 0)
            {
                await context.Error.WriteLineAsync(all.Count == 0
                    ? $"Ticket {ticket.Number} has no files."
                    : $"Ticket {ticket.Number} has no file '{settings.File}'; its files: {string.Join(", ", all.Select(f => f.FileName))}.").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            var folder = Path.GetFullPath(settings.To ?? ticket.Number);
            Directory.CreateDirectory(folder);
            var saved = new List<SavedFile>();
            foreach (var file in chosen)
            {
                var written = await ArchivedFileSaver.SaveAsync(ct => client.OpenTicketFileAsync(ticket.Number, file.Sha256, ct), $"ticket {ticket.Number}", file, folder,
                    cancellationToken).ConfigureAwait(false);
                saved.Add(written);
                if (!settings.Json)
                {
                    await context.Output.WriteLineAsync($"Saved {written.FileName} ({written.Size} B) to {written.Path}").ConfigureAwait(false);
                }
            }

            if (settings.Json)
            {
                CliJson.Write(context.Output, saved);
            }

            return ExitCodes.Ok;
        }, cancellationToken);
}
