namespace ContactCenter.Channels.Fax;

/// <summary>A fax file in the spool as one poll saw it; the item's state for acknowledging it.</summary>
internal sealed record FaxSpoolFile(string FullPath, long Size, DateTime LastWriteUtc)
{
    public string Name => Path.GetFileName(FullPath);
}
