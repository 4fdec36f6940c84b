namespace ContactCenter.Core.Pipeline;

/// <summary>What one poll of a channel did; counters are ready to export as metrics.</summary>
public sealed record PollSummary
{
    public required string Channel { get; init; }
    public int Fetched { get; init; }

    /// <summary>
    /// Items of the batches that ran to the end (stored, quarantined or known, and acknowledged). A batch that failed is
    /// fetched again by a later poll, so this, not <see cref="Fetched"/>, counts each item once.
    /// </summary>
    public int Settled { get; init; }
    public int Created { get; init; }
    public int FollowUps { get; init; }

    /// <summary>Automatic mail attached to a ticket or recorded without one.</summary>
    public int AutoMail { get; init; }

    /// <summary>Items the store recognised (same source key or Message-ID) in the dispatch itself.</summary>
    public int Duplicates { get; init; }
    public int Quarantined { get; init; }

    /// <summary>Items judged spam and held in the spam quarantine, with no ticket (counted apart from Quarantined).</summary>
    public int Spam { get; init; }

    /// <summary>Items stored by an earlier run but not acknowledged (a crash in between): acknowledged only.</summary>
    public int AlreadyStored { get; init; }

    /// <summary>Why the poll stopped early (exception type and message); null when it ran to the end.</summary>
    public string? Failed { get; init; }
    public TimeSpan Duration { get; init; }

    public bool Succeeded => Failed is null;
}
