namespace ContactCenter.Core.Storage.Archive;

/// <summary>
/// What <see cref="ArchiveAudit"/> found in the live archive: the files the store names, how many are there, how many
/// were read back and re-hashed sound (none with a presence check only), and each one missing, damaged or unreadable;
/// then, when re-hashed, the attachments kept as slices of their originals (<see cref="Slices"/>) decoded from them and
/// checked against their own hashes.
/// </summary>
public sealed record ArchiveAuditReport(int Referenced, int Present, int Verified, long VerifiedBytes, IReadOnlyList<string> Problems)
{
    public bool Sound => Problems.Count == 0;

    /// <summary>Attachments the store reads from a slice of their original (<c>InOriginal</c>); 0 when not checked (<c>--quick</c>).</summary>
    public int Slices { get; init; }

    /// <summary>Of <see cref="Slices"/>, those that decoded from a sound original to bytes hashing to their name.</summary>
    public int SlicesVerified { get; init; }

    /// <summary>The report of a run whose problems are given with the file each names.</summary>
    public static ArchiveAuditReport Of(int referenced, int present, int verified, long bytes, IEnumerable<(string Sha, string Problem)> problems)
    {
        var sorted = problems.OrderBy(p => p.Sha, StringComparer.Ordinal).Select(p => p.Problem).ToList();
        return new ArchiveAuditReport(referenced, present, verified, bytes, sorted);
    }

    /// <summary>The problem of a file the store names and the archive lacks, in the words every archive's audit uses.</summary>
    public static string Missing(string sha256) => $"archive file {sha256}: named by the store, not in the archive";

    /// <summary>The problem of a file whose content no longer hashes to its name.</summary>
    public static string Damaged(string sha256, string actual) =>
        $"archive file {sha256}: its content hashes to {actual}, not to its name (damaged in the archive)";

    /// <summary>The problem of a file that could not be read: not there (<see cref="Missing"/>), or not to its end.</summary>
    public static string Failed(string sha256, Exception exception) => exception is FileNotFoundException
        ? Missing(sha256)
        : $"archive file {sha256}: unreadable ({exception.GetType().Name}: {exception.Message})";
}
