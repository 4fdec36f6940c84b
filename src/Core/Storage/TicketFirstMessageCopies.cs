using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>
/// A ticket's own text, HTML and attachments are its first message's (the factory copies them there, and nothing
/// changes either afterwards): both stores keep them once, in the first message, and give them back to the ticket as
/// they read it. A ticket stored both ways before keeps reading the same; one whose own differ is stored as it is.
/// </summary>
internal static class TicketFirstMessageCopies
{
    /// <summary>The ticket's fields kept only in its first message when they repeat it, by their stored names.</summary>
    public static readonly IReadOnlyList<string> Fields = [nameof(Ticket.TextBody), nameof(Ticket.HtmlBody), nameof(Ticket.Attachments)];

    /// <summary>Whether the ticket's field <paramref name="name"/> (one of <see cref="Fields"/>) repeats its first message's; null when it is no such field.</summary>
    public static Func<Ticket, bool>? RepeatsFirstMessage(string name) => name switch
    {
        nameof(Ticket.TextBody) => TextRepeated,
        nameof(Ticket.HtmlBody) => HtmlRepeated,
        nameof(Ticket.Attachments) => AttachmentsRepeated,
        _ => null,
    };

    public static bool TextRepeated(Ticket ticket) => First(ticket) is { } m && string.Equals(ticket.TextBody, m.TextBody, StringComparison.Ordinal);

    public static bool HtmlRepeated(Ticket ticket) => First(ticket) is { } m && string.Equals(ticket.HtmlBody, m.HtmlBody, StringComparison.Ordinal);

    public static bool AttachmentsRepeated(Ticket ticket) => First(ticket) is { } m && ticket.Attachments.SequenceEqual(m.Attachments);

    private static TicketMessage? First(Ticket ticket) => ticket.Messages.Count > 0 ? ticket.Messages[0] : null;
}
