namespace ContactCenter.Channels.Files;

/// <summary>What hashing a folder channel's file before offering it came to.</summary>
internal enum SourceFileHashOutcome
{
    Hashed,

    /// <summary>A writer (scanner, copy over a share, fax receiver) still holds it: offered on a later poll.</summary>
    StillOpen,

    /// <summary>Gone since the folder was listed: nothing to offer.</summary>
    Vanished,

    /// <summary>Not to be read (a FIFO, a link the rules refuse, no permission): quarantined with the reason.</summary>
    Refused,
}
