namespace ContactCenter.Core.Storage;

public enum DispatchOutcomeKind
{
    Created,
    FollowUpAppended,
    AutoMailAttached,

    /// <summary>Automatic mail that refers to no known ticket: recorded as an event, no ticket opened.</summary>
    AutoMailRecorded,

    /// <summary>The source key or the Message-ID (same channel) was already stored: nothing written.</summary>
    Duplicate,
}
