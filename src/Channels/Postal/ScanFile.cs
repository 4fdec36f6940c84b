namespace ContactCenter.Channels.Postal;

/// <summary>A candidate file in a scan folder, as seen by one poll; also the item's state for acknowledging it.</summary>
/// <param name="Root">The configured folder it was found under.</param>
/// <param name="RelativeDirectory">Its subfolder relative to <paramref name="Root"/> with '/' separators; "" at the top.</param>
internal sealed record ScanFile(string Root, string FullPath, string RelativeDirectory, long Size, DateTime LastWriteUtc)
{
    public string Name => Path.GetFileName(FullPath);

    /// <summary>True when the file on disk is still the one this poll saw (not replaced or rewritten since).</summary>
    public bool IsUnchanged() => Files.SourceFiles.IsUnchanged(FullPath, Size, LastWriteUtc);
}
