using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>An item that could not become a ticket, kept with its bytes and its reason.</summary>
public sealed class QuarantineRecord
{
    public int Id { get; set; }
    public string SourceKey { get; set; } = "";
    public string ChannelName { get; set; } = "";
    public ChannelKind Channel { get; set; }
    public DateTimeOffset At { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>When the item arrived at its source (a file's time, a message's date); null on records older than this field.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>
    /// The source's metadata of the item (a fax's sender, a scan's folder and how to split it), so that a retry reads
    /// the item as its channel did: without it a batch scan came back as one ticket and a fax without its sender.
    /// </summary>
    public Dictionary<string, string> ItemMetadata { get; set; } = [];

    /// <summary>The original bytes in the archive; null only when even reading them failed.</summary>
    public TicketAttachment? Original { get; set; }

    public QuarantineStatus Status { get; set; }
    public string? ResolutionNote { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResultTicketNumber { get; set; }
}
