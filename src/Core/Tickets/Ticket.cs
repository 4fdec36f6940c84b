using ContactCenter.Core.Storage;

namespace ContactCenter.Core.Tickets;

/// <summary>A citizen's request: one per source item that is not a follow-up, never deleted.</summary>
public sealed class Ticket
{
    public int Id { get; set; }
    public string Number { get; set; } = "";
    public int Year { get; set; }
    public int Sequence { get; set; }
    public ChannelKind Channel { get; set; }
    public string ChannelName { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public Party Sender { get; set; } = new();
    public string Subject { get; set; } = "";

    // The text, HTML and attachments are the first message's: the stores keep them there only (TicketFirstMessageCopies).
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }
    public string? Language { get; set; }
    public List<TicketAttachment> Attachments { get; set; } = [];
    public string SourceKey { get; set; } = "";
    public string? MessageId { get; set; }
    public TicketStatus Status { get; set; } = TicketStatus.Open;
    public DateTimeOffset? ClosedAt { get; set; }
    public Classification Classification { get; set; } = new();
    public string? CategoryHint { get; set; }

    /// <summary>
    /// What the channel recorded about the original item, under stable keys (<c>pec.provider</c>, <c>pec.id</c>,
    /// <c>pec.acceptedAt</c>, <c>fax.tsi</c>, <c>fax.callerId</c>, ...; listed in the README). Plain strings, so
    /// every store can hold them as they are.
    /// </summary>
    public Dictionary<string, string> Metadata { get; set; } = [];

    /// <summary>When the answer clock started (the next service opening after arrival).</summary>
    public DateTimeOffset ClockStartedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }

    /// <summary>
    /// The service mode the current answer clock was planned in: a due date worked out again later (a resume, a new
    /// level) keeps the promise made then, though the mode has changed since. Null on tickets from before it was
    /// recorded, which take the mode of the moment.
    /// </summary>
    public ServiceMode? ClockMode { get; set; }

    /// <summary>The channel whose policy the current clock follows (a reopening follow-up's may differ); null: <see cref="Channel"/>.</summary>
    public ChannelKind? ClockChannel { get; set; }
    public List<SlaSuspension> Suspensions { get; set; } = [];

    /// <summary>
    /// When a follow-up or an operator last reopened the ticket (the request its next closing answers); null when never
    /// reopened. Kept after the ticket closes again, for the statistics' answer time.
    /// </summary>
    public DateTimeOffset? ReopenedAt { get; set; }
    public DateTimeOffset? ReceiptSentAt { get; set; }

    public bool NeedsReview { get; set; }
    public string? ReviewReason { get; set; }
    public double? OcrConfidence { get; set; }

    /// <summary>
    /// Why the ticket's text is not the sender's own words (a voicemail nobody transcribed, a scan with nothing
    /// readable): it was classified without its text, and an operator's correction of it teaches the model nothing.
    /// </summary>
    public string? TextUnavailable { get; set; }

    /// <summary>True when an operator's reply went out from our own address (later issue).</summary>
    public bool HasOutgoingReply { get; set; }

    /// <summary>The ticket a stranger's follow-up named when it opened this one instead (<see cref="FollowUpFromStrangers.NewTicket"/>).</summary>
    public string? LinkedTicketNumber { get; set; }

    public List<TicketMessage> Messages { get; set; } = [];
    public List<TicketEvent> History { get; set; } = [];

    public bool IsSuspended => Suspensions.Count > 0 && Suspensions[^1].Until is null;
}
