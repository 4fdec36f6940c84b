using System.Text;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>
/// A ticket is one document in either store, its follow-ups inside it, and LiteDB refuses a document over 16 MB: a
/// batch holding the follow-up that crossed it failed at every poll, and nothing behind it on that channel was read.
/// A few long replies (a megabyte of text each is allowed) or someone who writes a ticket's number on purpose would
/// get there, with long texts or with long headers (References near the 64 KiB a header may hold). A message that
/// would take a ticket past <see cref="MaxBytes"/> goes elsewhere (a linked ticket of its own, or for automatic mail
/// the record kept without a ticket); both stores apply the same rule.
/// </summary>
internal static class TicketDocumentSize
{
    /// <summary>Room below LiteDB's limit for what the estimate leaves out (field names, later history lines).</summary>
    public const long MaxBytes = 12L * 1024 * 1024;

    private const int PerEntry = 512;

    public static bool WouldExceed(Ticket ticket, TicketDraft draft) =>
        Of(ticket) + Texts(draft.Subject, draft.TextBody, draft.HtmlBody, draft.MessageId, draft.InReplyTo) + Texts(draft.References)
        + Of(draft.Sender) + Of(draft.Metadata) + (draft.Attachments.Count + 2) * PerEntry > MaxBytes;

    /// <summary>UTF-8 bytes of every text a ticket stores (once), plus a fixed allowance per message, attachment and history line.</summary>
    public static long Of(Ticket ticket) =>
        // What the stores keep once, in the first message (TicketFirstMessageCopies), is counted there only.
        Texts(ticket.Subject, TicketFirstMessageCopies.TextRepeated(ticket) ? null : ticket.TextBody,
            TicketFirstMessageCopies.HtmlRepeated(ticket) ? null : ticket.HtmlBody, ticket.MessageId)
        + Of(ticket.Sender) + Of(ticket.Metadata)
        + ((TicketFirstMessageCopies.AttachmentsRepeated(ticket) ? 0 : ticket.Attachments.Count) + 1) * PerEntry
        + ticket.Messages.Sum(m => Texts(m.Subject, m.TextBody, m.HtmlBody, m.MessageId, m.InReplyTo) + Texts(m.References)
            + Of(m.From) + Of(m.Metadata) + (m.Attachments.Count + 2) * PerEntry)
        + ticket.History.Sum(e => Texts(e.Detail) + PerEntry);

    private static long Of(Party party) => Texts(party.DisplayName, party.Email, party.Phone, party.Fax, party.PostalAddress, party.FiscalCode);

    private static long Of(Dictionary<string, string> metadata) => metadata.Sum(kv => Texts(kv.Key, kv.Value));

    private static long Texts(params IEnumerable<string?> texts) => texts.Sum(t => t is null ? 0L : Encoding.UTF8.GetByteCount(t));
}
