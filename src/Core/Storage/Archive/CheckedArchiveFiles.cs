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
    private readonly ConcurrentBag<(string Sha, string Problem)> problems = [];
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

    public void Sound(long length)
    {
        Interlocked.Increment(ref present);
        Interlocked.Increment(ref verified);
        Interlocked.Add(ref bytes, length);
    }

    public void Damaged(string sha256, string actual)
    {
        Interlocked.Increment(ref present);
        problems.Add((sha256, ArchiveAuditReport.Damaged(sha256, actual)));
    }

    public void Missing(string sha256) => problems.Add((sha256, ArchiveAuditReport.Missing(sha256)));

    public void Unreadable(string sha256, Exception exception) => problems.Add((sha256, ArchiveAuditReport.Unreadable(sha256, exception)));

    /// <summary>The main pass's report, with the files checked here added to its counts and problems.</summary>
    public ArchiveAuditReport Report(int referenced, int present, int verified, long bytes, IEnumerable<(string Sha, string Problem)> problems) =>
        ArchiveAuditReport.Of(referenced, present + Volatile.Read(ref this.present), verified + Volatile.Read(ref this.verified),
            bytes + Interlocked.Read(ref this.bytes), problems.Concat(this.problems));
}
