namespace ContactCenter.Core.Tickets;

/// <summary>One inbound item attached to a ticket: the first one and each follow-up.</summary>
public sealed class TicketMessage
{
    public MessageKind Kind { get; set; }
    public string SourceKey { get; set; } = "";
    public string ChannelName { get; set; } = "";
    public ChannelKind Channel { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public Party From { get; set; } = new();
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }
    public string? MessageId { get; set; }
    public string? InReplyTo { get; set; }
    public List<string> References { get; set; } = [];
    public List<TicketAttachment> Attachments { get; set; } = [];

    /// <summary>The original item (.eml, .tif, .pdf) archived byte for byte.</summary>
    public TicketAttachment? Original { get; set; }

    public double? OcrConfidence { get; set; }

    /// <summary>This message's channel metadata, under the same keys as <see cref="Ticket.Metadata"/>.</summary>
    public Dictionary<string, string> Metadata { get; set; } = [];

    /// <summary>A follow-up whose sender is none of the ticket's correspondents (see <see cref="FollowUpSenderRule"/>).</summary>
    public bool FromDifferentSender { get; set; }
}
