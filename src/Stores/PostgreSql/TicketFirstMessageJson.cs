using System.Text.Json.Serialization.Metadata;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// The JSON side of <see cref="TicketFirstMessageCopies"/>: a ticket's repeated fields are left out as it is written,
/// and as it is read each field its document lacks takes its first message's. Absence is told from a stored null or
/// empty text by a mark each field holds until the document's own value replaces it.
/// </summary>
internal static class TicketFirstMessageJson
{
    // Only ever compared by reference.
    private static readonly string Absent = new('\0', 1);

    /// <summary>
    /// SQL reading a ticket's document <paramref name="column"/> as this class writes it: a ticket written before (with
    /// its first message's copies) without those copies.
    /// </summary>
    public static string StoredOnceSql(string column) =>
        $"({column} - ARRAY(SELECT f FROM unnest(ARRAY['{string.Join("','", TicketFirstMessageCopies.Fields)}']) f "
        + $"WHERE {column} -> f = {column} #> ARRAY['{nameof(Ticket.Messages)}', '0', f]))";

    public static void Modify(JsonTypeInfo info)
    {
        if (info.Type != typeof(Ticket))
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            if (TicketFirstMessageCopies.RepeatsFirstMessage(property.Name) is { } repeats)
            {
                // Replaces the options' WhenWritingNull for these three: a null of the ticket's own is written as null.
                property.ShouldSerialize = (ticket, _) => !repeats((Ticket)ticket);
            }
        }

        info.OnDeserializing = ticket => Mark((Ticket)ticket);
        info.OnDeserialized = ticket => Restore((Ticket)ticket);
    }

    private static void Mark(Ticket ticket)
    {
        ticket.TextBody = Absent;
        ticket.HtmlBody = Absent;
        ticket.Attachments = null!;
    }

    private static void Restore(Ticket ticket)
    {
        var first = ticket.Messages.Count > 0 ? ticket.Messages[0] : null;
        if (ReferenceEquals(ticket.TextBody, Absent))
        {
            ticket.TextBody = first?.TextBody ?? "";
        }

        if (ReferenceEquals(ticket.HtmlBody, Absent))
        {
            ticket.HtmlBody = first?.HtmlBody;
        }

        // The same records as the first message's: an attachment's record is never changed once stored.
        ticket.Attachments ??= first is null ? [] : [.. first.Attachments];
    }
}
