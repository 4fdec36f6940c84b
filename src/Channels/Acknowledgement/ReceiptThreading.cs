using ContactCenter.Core.Tickets;
using MimeKit;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>RFC 3834 marking and threading of a receipt to the message that opened the ticket.</summary>
internal static class ReceiptThreading
{
    public static void Apply(MimeMessage receipt, Ticket ticket)
    {
        receipt.Headers.Add("Auto-Submitted", "auto-replied");

        // Exchange and Outlook honour this one instead of Auto-Submitted: no out-of-office answer to our receipt.
        receipt.Headers.Add("X-Auto-Response-Suppress", "All");

        var original = ticket.Messages.FirstOrDefault(m => m.Kind == MessageKind.Original);
        var citizenId = Bare(original?.MessageId ?? ticket.MessageId);
        if (citizenId is null)
        {
            return;
        }

        receipt.InReplyTo = citizenId;
        foreach (var reference in (original?.References ?? []).Select(Bare).OfType<string>().Append(citizenId).Distinct())
        {
            receipt.References.Add(reference);
        }
    }

    private static string? Bare(string? messageId) =>
        string.IsNullOrWhiteSpace(messageId) ? null : messageId.Trim().Trim('<', '>');
}
