namespace ContactCenter.Core.Screening;

/// <summary>What the screening made of an item.</summary>
public enum SpamVerdict
{
    /// <summary>Not spam by the engine's or the MTA's judgement.</summary>
    Clean,

    /// <summary>Judged spam but under the quarantine score: a ticket flagged for review, without a receipt.</summary>
    Suspect,

    /// <summary>At or over the quarantine score: held in the spam quarantine, no ticket, no receipt.</summary>
    Spam,

    /// <summary>The engine could not be asked (down, timeout): the ticket is made as if clean.</summary>
    Unchecked,

    /// <summary>Held as spam, then released by an operator (a false positive): a normal ticket with its receipt.</summary>
    Released,
}
