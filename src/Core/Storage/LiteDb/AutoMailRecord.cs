using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>Row of <c>events</c>: automatic mail that referred to no ticket, recorded instead of opening one.</summary>
internal sealed class AutoMailRecord
{
    public int Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string SourceKey { get; set; } = "";
    public string ChannelName { get; set; } = "";
    public ChannelKind Channel { get; set; }
    public AutomaticMailKind Kind { get; set; }
    public string? Reason { get; set; }
    public Party From { get; set; } = new();
    public string Subject { get; set; } = "";
    public string? MessageId { get; set; }
    public string? InReplyTo { get; set; }
    public TicketAttachment? Original { get; set; }
}
