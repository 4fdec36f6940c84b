namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>What became of a source key; any row at all makes a replay of that key a no-op.</summary>
internal enum SourceOutcome
{
    Created,
    FollowUpAppended,
    AutoMailAttached,
    AutoMailRecorded,
    Duplicate,
    Quarantined,

    /// <summary>Held in the spam quarantine; a release may still dispatch it.</summary>
    Spam,
}
