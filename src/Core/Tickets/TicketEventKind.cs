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
}
