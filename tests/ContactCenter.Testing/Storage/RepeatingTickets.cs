using ContactCenter.Core.Tickets;

namespace ContactCenter.Testing.Storage;

/// <summary>Tickets whose text, HTML and attachments repeat their first message's, as the stores' factory makes them.</summary>
public static class RepeatingTickets
{
    public static readonly TicketAttachment Photo = new() { FileName = "foto.jpg", ContentType = "image/jpeg", Size = 10, Sha256 = new string('b', 64) };

    public static Ticket Of(string text, string? html, params TicketAttachment[] attachments) => new()
    {
        Number = "PC-2026-000001",
        TextBody = text,
        HtmlBody = html,
        Attachments = [.. attachments],
        Messages = [new TicketMessage { TextBody = text, HtmlBody = html, Attachments = [.. attachments] }],
    };
}
