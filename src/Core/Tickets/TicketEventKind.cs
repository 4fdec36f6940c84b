namespace ContactCenter.Core.Tickets;

public enum TicketEventKind
{
    Received,
    FollowUpAppended,
    AutoMailAttached,
    Reopened,
    Closed,
    Reclassified,
    Suspended,
    Resumed,
    DueDateChanged,
    ReceiptQueued,
    ReceiptSent,
    ReceiptSuppressed,
    FlaggedForReview,
    Note,

    /// <summary>The same message (same mailbox, Message-ID and content) arrived again; nothing else was stored.</summary>
    DuplicateReceived,

    /// <summary>A message with a Message-ID already used by different content: kept as its own item, noted on both tickets.</summary>
    MessageIdReused,

    /// <summary>An operator looked at a ticket flagged for review and cleared the flag.</summary>
    Reviewed,
}
