using System.Collections.Concurrent;

namespace ContactCenter.Core.Storage.Archive;

/// <summary>
/// Archive files <c>store verify</c> has already read back and re-hashed before its main pass, with what it found: the
/// originals whose attachments it decoded, each hashed in that same read (mail with attachments is most of an
/// archive's bytes, so it is read once instead of twice). The main pass (<see cref="ArchiveAudit"/> or the database's)
/// skips them and reports their findings with its own, in the same words. Thread-safe.
/// </summary>
public sealed class CheckedArchiveFiles
{
    private readonly Sha256Set names = [];
    private readonly ConcurrentDictionary<string, string> problems = new(StringComparer.OrdinalIgnoreCase);
    private int present;
    private int verified;
    private long bytes;

    /// <summary>True for the first caller naming the file: that caller reads it and reports it here.</summary>
    public bool TryClaim(string sha256)
    {
        lock (names)
        {
            return names.Add(sha256);
        }
    }

    public bool Contains(string sha256)
    {
        lock (names)
        {
            return names.Contains(sha256);
        }
    }

    /// <summary>Records a file read to its end whose content hashed to <paramref name="actual"/>; true when that is its name.</summary>
    public bool Hashed(string sha256, string actual, long length)
    {
        Interlocked.Increment(ref present);
        if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
        {
            problems.TryAdd(sha256, ArchiveAuditReport.Damaged(sha256, actual));
            return false;
        }

        Interlocked.Increment(ref verified);
        Interlocked.Add(ref bytes, length);
        return true;
    }

    /// <summary>Records a file that could not be read (<see cref="ArchiveAuditReport.Failed"/>).</summary>
    public void Failed(string sha256, Exception exception) => problems.TryAdd(sha256, ArchiveAuditReport.Failed(sha256, exception));

    /// <summary>Whether the file was found missing, unreadable or damaged here.</summary>
    public bool Unsound(string sha256) => problems.ContainsKey(sha256);

    /// <summary>The main pass's report, with the files checked here added to its counts and problems.</summary>
    public ArchiveAuditReport Report(int referenced, int present, int verified, long bytes, IEnumerable<(string Sha, string Problem)> problems) =>
        ArchiveAuditReport.Of(referenced, present + Volatile.Read(ref this.present), verified + Volatile.Read(ref this.verified),
            bytes + Interlocked.Read(ref this.bytes), problems.Concat(this.problems.Select(p => (p.Key, p.Value))));
}
