namespace ContactCenter.Core.Tickets;

/// <summary>Why a message must not open a ticket nor receive a receipt (RFC 3834).</summary>
public enum AutomaticMailKind
{
    None,
    AutoReply,
    Bounce,
    MailingList,
    OwnAddress,
}
