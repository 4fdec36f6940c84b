namespace ContactCenter.Core.Tickets;

/// <summary>What a follow-up does when its sender is none of the ticket's correspondents (<c>Mail:FollowUpFromStrangers</c>).</summary>
public enum FollowUpFromStrangers
{
    /// <summary>Appended (citizens change address), marked as from a different sender and the ticket flagged for review.</summary>
    Append,

    /// <summary>Opens a new ticket linked to the one it names; the old ticket records the link.</summary>
    NewTicket,
}
