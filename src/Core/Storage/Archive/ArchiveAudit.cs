using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ContactCenter.Core.Storage.Archive;

/// <summary>
/// Checks that every archived file the store names (originals, attachments, quarantined and held items) is in the
/// archive, whichever kind it is, and with <c>rehash</c> that its content still hashes to its name: what proves that no
/// original was lost or altered since its ticket was registered. Read-only; the service may run meanwhile, since a
/// file is archived before the record naming it commits and is never deleted. Files in <c>checkedBefore</c> are not
/// read again: their findings join this pass's.
/// </summary>
public static class ArchiveAudit
{
    public static async Task<ArchiveAuditReport> RunAsync(IContentArchive archive, Sha256Set referenced, bool rehash, CancellationToken cancellationToken,
        CheckedArchiveFiles? checkedBefore = null)
    {
        checkedBefore ??= new CheckedArchiveFiles();
        var problems = new ConcurrentBag<(string Sha, string Problem)>();
        int present = 0, verified = 0;
        long bytes = 0;
        // Reading files or rows is most of the time: a few at once keep the disk or the server busy.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 2, 4), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(referenced, parallel, async (sha, token) =>
        {
            if (checkedBefore.Contains(sha))
            {
                return;
            }

            try
            {
                if (!rehash)
                {
                    if (archive.Contains(sha))
                    {
                        Interlocked.Increment(ref present);
                    }
                    else
                    {
                        problems.Add((sha, ArchiveAuditReport.Missing(sha)));
                    }

                    return;
                }

                await using var content = archive.OpenRead(sha);
                Interlocked.Increment(ref present);
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var length = await HashingCopy.CopyAsync(content, Stream.Null, hash, token).ConfigureAwait(false);
                var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
                if (string.Equals(actual, sha, StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref verified);
                    Interlocked.Add(ref bytes, length);
                }
                else
                {
                    problems.Add((sha, ArchiveAuditReport.Damaged(sha, actual)));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StorageUnavailableException or ArgumentException)
            {
                problems.Add((sha, ArchiveAuditReport.Failed(sha, ex)));
            }
        }).ConfigureAwait(false);
        return checkedBefore.Report(referenced.Count, present, verified, bytes, problems);
    }
}
