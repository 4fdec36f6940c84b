namespace ContactCenter.Channels.Postal;

/// <summary>What happens to a scanned file once its ticket is durably stored.</summary>
internal enum ScanAfterImport
{
    /// <summary>Moved to <c>{DonePath}/yyyy/MM/</c>.</summary>
    MoveToDone,

    /// <summary>Deleted: the archive already holds it byte for byte.</summary>
    ArchiveAndRemove,
}
