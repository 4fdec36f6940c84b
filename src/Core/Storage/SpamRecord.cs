using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>An item judged spam: no ticket, kept with its original and verdict so it can be released.</summary>
public sealed class SpamRecord
{
    public int Id { get; set; }
    public string SourceKey { get; set; } = "";
    public string ChannelName { get; set; } = "";
    public ChannelKind Channel { get; set; }

    /// <summary>When it was held.</summary>
    public DateTimeOffset At { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
    public string? Sender { get; set; }
    public string Subject { get; set; } = "";
    public double? Score { get; set; }

    /// <summary>The screening's metadata (<c>mail.spam.*</c>, <c>mail.auth.*</c>).</summary>
    public Dictionary<string, string> Verdict { get; set; } = [];

    /// <summary>
    /// The source's metadata of the item (<c>mail.mailbox</c>, <c>imap.uid</c>, <c>maildrop.file</c>, a clamped
    /// <c>source.reportedArrival</c>), so that a released ticket carries it as one never held did; empty on records
    /// older than this field.
    /// </summary>
    public Dictionary<string, string> ItemMetadata { get; set; } = [];

    /// <summary>The original bytes in the archive.</summary>
    public TicketAttachment? Original { get; set; }

    public SpamStatus Status { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResultTicketNumber { get; set; }

    /// <summary>What teaching the engine gave on release or confirmation (<c>learnt as ham</c>, or the error).</summary>
    public string? LearnNote { get; set; }
}
