using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary>One line of <c>tickets list --json</c>: what a list needs, no bodies.</summary>
internal sealed record TicketRow(
    string Number, TicketStatus Status, ChannelKind Channel, string ChannelName, DateTimeOffset ReceivedAt, string? SenderName,
    string? SenderEmail, string Subject, ServiceLevel Level, string Category, DateTimeOffset DueAt, bool Suspended, bool Overdue,
    int Messages, bool NeedsReview)
{
    public static TicketRow From(Ticket t, DateTimeOffset now) => new(
        t.Number, t.Status, t.Channel, t.ChannelName, t.ReceivedAt, t.Sender.DisplayName, t.Sender.Email, t.Subject,
        t.Classification.Level, t.Classification.Category, t.DueAt, t.IsSuspended,
        t.Status == TicketStatus.Open && !t.IsSuspended && t.DueAt < now, t.Messages.Count, t.NeedsReview);
}
