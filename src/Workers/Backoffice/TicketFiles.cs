using ContactCenter.Core.Storage.Archive;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// The files a ticket refers to: each message's original and attachments, follow-ups included. Only these are served
/// for a ticket, so a caller who knows some other blob's hash cannot read it through any ticket.
/// </summary>
internal static class TicketFiles
{
    public static IReadOnlyList<TicketAttachment> Of(Ticket ticket)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = new List<TicketAttachment>();
        var referenced = ticket.Messages
            .SelectMany(m => m.Original is { } original ? m.Attachments.Prepend(original) : m.Attachments)
            .Concat(ticket.Attachments);
        foreach (var file in referenced)
        {
            if (!string.IsNullOrEmpty(file.Sha256) && seen.Add(file.Sha256))
            {
                files.Add(file);
            }
        }

        return files;
    }

    public static TicketAttachment? Find(Ticket ticket, string sha256) =>
        Sha256Hex.IsValid(sha256) ? Of(ticket).FirstOrDefault(f => string.Equals(f.Sha256, sha256, StringComparison.OrdinalIgnoreCase)) : null;
}
