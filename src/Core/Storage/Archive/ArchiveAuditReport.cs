namespace ContactCenter.Core.Storage.Archive;

/// <summary>
/// What <see cref="ArchiveAudit"/> found in the live archive: the files the store names, how many are there, how many
/// were read back and re-hashed sound (none with a presence check only), and each one missing, damaged or unreadable.
/// </summary>
public sealed record ArchiveAuditReport(int Referenced, int Present, int Verified, long VerifiedBytes, IReadOnlyList<string> Problems)
{
    public bool Sound => Problems.Count == 0;
}
