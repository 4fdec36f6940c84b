using System.Security.Cryptography;
using ContactCenter.Core.Storage.Archive;

namespace ContactCenter.Core.Storage.Backup;

/// <summary>
/// Mirrors a content-addressed archive folder (<c>ab/cd/{sha256}</c>) into a backup folder. Blobs are never changed or
/// deleted, so a file already in the copy with the same size is the same blob and is left; a new one is copied under a
/// temporary name, hashed on the way and renamed only if its bytes match its name, so a damaged original is reported,
/// not copied over a good backup. One filesystem flush at the end makes the copies durable.
/// </summary>
public static class ArchiveMirror
{
    public static async Task<ArchiveMirrorReport> CopyAsync(string sourceRoot, string targetRoot, CancellationToken cancellationToken)
    {
        int present = 0, copied = 0;
        long bytes = 0;
        var problems = new List<string>();
        if (!Directory.Exists(sourceRoot))
        {
            return new ArchiveMirrorReport(0, 0, 0, problems);
        }

        foreach (var (sha, file) in ContentArchive.Blobs(sourceRoot))
        {
            var target = ContentArchive.PathIn(targetRoot, sha);
            var length = new FileInfo(file).Length;
            if (File.Exists(target) && new FileInfo(target).Length == length)
            {
                present++;
                continue;
            }

            if (await CopyOneAsync(file, target, sha, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                problems.Add(problem);
                continue;
            }

            copied++;
            bytes += length;
        }

        if (copied > 0)
        {
            DirectorySync.FlushFileSystem(targetRoot);
        }

        return new ArchiveMirrorReport(present, copied, bytes, problems);
    }

    /// <summary>Those of <paramref name="hashes"/> the copy under <paramref name="targetRoot"/> lacks, in order.</summary>
    public static IReadOnlyList<string> Missing(string targetRoot, IEnumerable<string> hashes) =>
        [.. hashes.Where(sha => !File.Exists(ContentArchive.PathIn(targetRoot, sha))).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Re-hashes each of <paramref name="hashes"/> in the copy; one whose bytes no longer match its name (damaged on
    /// the backup's disk) is copied again from <paramref name="sourceRoot"/> when the original there is sound.
    /// </summary>
    public static async Task<ArchiveVerification> VerifyAsync(string sourceRoot, string targetRoot, IEnumerable<string> hashes, CancellationToken cancellationToken)
    {
        int verified = 0, repaired = 0;
        var problems = new List<string>();
        foreach (var sha in hashes)
        {
            var target = ContentArchive.PathIn(targetRoot, sha);
            if (!File.Exists(target))
            {
                continue; // reported as missing by the caller
            }

            var actual = await HashOfAsync(target, cancellationToken).ConfigureAwait(false);
            if (string.Equals(actual, sha, StringComparison.OrdinalIgnoreCase))
            {
                verified++;
                continue;
            }

            var source = ContentArchive.PathIn(sourceRoot, sha);
            var problem = File.Exists(source)
                ? await CopyOneAsync(source, target, sha, cancellationToken).ConfigureAwait(false)
                : "not in the archive either";
            if (problem is null)
            {
                repaired++;
            }
            else
            {
                problems.Add($"archive file {sha}: damaged in the backup (its content hashes to {actual}) and not repaired: {problem}");
            }
        }

        if (repaired > 0)
        {
            DirectorySync.FlushFileSystem(targetRoot);
        }

        return new ArchiveVerification(verified, repaired, problems);
    }

    private static async Task<string> HashOfAsync(string path, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(input, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<string?> CopyOneAsync(string source, string target, string sha, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan))
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                await HashingCopy.CopyAsync(input, output, hash, cancellationToken).ConfigureAwait(false);
            }

            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (!string.Equals(actual, sha, StringComparison.OrdinalIgnoreCase))
            {
                return $"archive file {source}: its content hashes to {actual}, not to its name (damaged in the archive); not copied";
            }

            File.Move(temporary, target, overwrite: true);
            return null;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
