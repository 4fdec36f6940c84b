namespace ContactCenter.Core.Tickets;

public enum MessageKind
{
    /// <summary>The message that opened the ticket.</summary>
    Original,
    FollowUp,
    AutoReply,
    Bounce,
    /// <summary>Mail sent from one of our own addresses (e.g. an operator's reply copied to the inbox).</summary>
    OwnMail,
}
