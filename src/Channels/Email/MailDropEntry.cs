namespace ContactCenter.Channels.Email;

/// <summary>A mail drop's file as the poll read it: its path, and the size and time that tell whether it was replaced since.</summary>
internal sealed record MailDropEntry(string FullPath, long Size, DateTime LastWriteUtc)
{
    public static MailDropEntry Of(FileInfo file) => new(file.FullName, file.Length, Files.SourceFiles.LastWriteUtc(file));

    /// <summary>True when the file on disk is still the one the poll read (not rewritten or replaced since).</summary>
    public bool IsUnchanged() => Files.SourceFiles.IsUnchanged(FullPath, Size, LastWriteUtc);
}
