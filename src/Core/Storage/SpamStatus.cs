namespace ContactCenter.Core.Storage;

public enum SpamStatus
{
    /// <summary>In the spam quarantine, waiting for an operator (or for ever).</summary>
    Held,

    /// <summary>A false positive: sent through the pipeline again and made a ticket.</summary>
    Released,

    /// <summary>An operator confirmed it is spam (and the engine learnt it).</summary>
    Confirmed,
}
