namespace ContactCenter.Core.Storage.Archive;

/// <summary>
/// What <see cref="ArchiveAudit"/> found in the live archive: the files the store names, how many are there, how many
/// were read back and re-hashed sound (none with a presence check only), and each one missing, damaged or unreadable.
/// </summary>
public sealed record ArchiveAuditReport(int Referenced, int Present, int Verified, long VerifiedBytes, IReadOnlyList<string> Problems)
{
    public bool Sound => Problems.Count == 0;

    /// <summary>The problem of a file the store names and the archive lacks, in the words every archive's audit uses.</summary>
    public static string Missing(string sha256) => $"archive file {sha256}: named by the store, not in the archive";

    /// <summary>The problem of a file whose content no longer hashes to its name.</summary>
    public static string Damaged(string sha256, string actual) =>
        $"archive file {sha256}: its content hashes to {actual}, not to its name (damaged in the archive)";
}
