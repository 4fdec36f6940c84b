using System.Text;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>
/// A ticket is one document in either store, its follow-ups inside it, and LiteDB refuses a document over 16 MB: a
/// batch holding the follow-up that crossed it failed at every poll, and nothing behind it on that channel was read.
/// A few long replies (a megabyte of text each is allowed) or someone who writes a ticket's number on purpose would
/// get there. A message that would take a ticket past <see cref="MaxBytes"/> goes elsewhere (a linked ticket of its
/// own, or for automatic mail the record kept without a ticket); both stores apply the same rule.
/// </summary>
internal static class TicketDocumentSize
{
    /// <summary>Room below LiteDB's limit for what the estimate leaves out (field names, later history lines).</summary>
    public const long MaxBytes = 12L * 1024 * 1024;

    private const int PerEntry = 512;

    public static bool WouldExceed(Ticket ticket, TicketDraft draft) =>
        Of(ticket) + Text(draft.Subject) + Text(draft.TextBody) + Text(draft.HtmlBody) + (draft.Attachments.Count + 2) * PerEntry > MaxBytes;

    /// <summary>UTF-8 bytes of the texts plus a fixed allowance per message, attachment and history line.</summary>
    public static long Of(Ticket ticket) =>
        Text(ticket.Subject) + Text(ticket.TextBody) + Text(ticket.HtmlBody) + (ticket.Attachments.Count + 1) * PerEntry
        + ticket.Messages.Sum(m => Text(m.Subject) + Text(m.TextBody) + Text(m.HtmlBody) + (m.Attachments.Count + 2) * PerEntry)
        + ticket.History.Sum(e => Text(e.Detail) + PerEntry);

    private static long Text(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);
}
