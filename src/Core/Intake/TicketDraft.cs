using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Intake;

/// <summary>What a normaliser makes of an item: everything a ticket needs except its number, level and due date.</summary>
public sealed class TicketDraft
{
    public required string SourceKey { get; init; }
    public required string ChannelName { get; init; }
    public required ChannelKind Channel { get; init; }
    /// <summary>When the item arrived; never later than when it was read (the pipeline clamps a future one).</summary>
    public required DateTimeOffset ReceivedAt { get; set; }

    public Party Sender { get; set; } = new();

    /// <summary>Where a receipt or an answer goes (Reply-To before From); null when the channel has none.</summary>
    public string? ReplyAddress { get; set; }

    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";

    /// <summary>Sanitised HTML only; the raw HTML stays in the archived original.</summary>
    public string? HtmlBody { get; set; }

    public string? Language { get; set; }

    /// <summary>Attachments already written to the archive.</summary>
    public List<TicketAttachment> Attachments { get; set; } = [];

    /// <summary>The archived original (e.g. the .eml or .tif), byte for byte.</summary>
    public TicketAttachment? Original { get; set; }

    public string? MessageId { get; set; }

    /// <summary>
    /// A second key of the same item, for a source whose own key can change while the item stays: an IMAP UID is new
    /// after the mailbox's UIDVALIDITY changes, a POP3 UIDL after a server migration. Mail without a Message-ID has
    /// nothing else to be known by, so its normaliser sets <see cref="OriginalKey"/>; the store then refuses a second
    /// ticket for the same bytes in the same mailbox. Null for sources whose keys already name the content (files).
    /// </summary>
    public string? SameItemKey { get; set; }

    /// <summary>The <see cref="SameItemKey"/> of a mail item: its archived original's hash in this mailbox.</summary>
    public static string? OriginalKey(string channelName, TicketAttachment? original) =>
        original is { Sha256.Length: > 0 } ? $"original:{channelName}/{original.Sha256.ToLowerInvariant()}" : null;

    public string? InReplyTo { get; set; }
    public List<string> References { get; set; } = [];

    public AutomaticMailKind AutomaticMail { get; set; }

    /// <summary>Why the message was judged automatic (e.g. "Auto-Submitted: auto-replied").</summary>
    public string? AutomaticMailReason { get; set; }

    /// <summary>A category suggested by the channel, e.g. the scan subfolder's name.</summary>
    public string? CategoryHint { get; set; }

    public double? OcrConfidence { get; set; }
    public List<double> PageConfidences { get; set; } = [];
    /// <summary>What to do if this draft is a follow-up from a sender the ticket does not know (<c>Mail:FollowUpFromStrangers</c>).</summary>
    public FollowUpFromStrangers FollowUpFromStrangers { get; set; }

    public bool NeedsReview { get; set; }
    public string? ReviewReason { get; set; }

    /// <summary>
    /// Why the text holds none of the sender's own words, only the service's description of the item (a voicemail
    /// nobody has transcribed, a scan with no readable page); null when it does. The classifier then reads no text:
    /// no rule's words match and the learned model is not asked (it would judge the service's boilerplate), so the
    /// level comes from the rules on channel, sender and attachments, else the default, and the ticket says why.
    /// </summary>
    public string? TextUnavailable { get; set; }

    public Dictionary<string, string> Metadata { get; set; } = [];

    /// <summary>Who registered the item by hand (an operator taking a call); null for items read from a channel.</summary>
    public string? RegisteredBy { get; set; }
}
