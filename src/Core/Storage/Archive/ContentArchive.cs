using System.Security.Cryptography;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Storage.Archive;

/// <summary>
/// Content-addressed folder <c>{root}/ab/cd/{sha256}</c>. Content is streamed to a temporary file in the root while
/// hashed, then renamed into place; the same bytes are stored once. Paths come only from validated hex digests:
/// nothing is written outside the root. Durability is a group commit on Linux: the store flushes the archive's
/// filesystem once per batch (syncfs) before it commits tickets that refer to these blobs; an fsync per blob
/// capped ingestion at the disk's flush rate. Elsewhere each blob is flushed before its rename.
/// </summary>
internal sealed class ContentArchive : IContentArchive
{
    private const string TempPrefix = ".tmp-";
    private const int BufferSize = 81920;
    private static readonly TimeSpan StaleTempAge = TimeSpan.FromDays(1);

    private readonly string _root;
    private readonly ILogger _logger;
    private readonly KnownLeafDirectories _knownLeaves = new();

    public ContentArchive(string root, ILogger<ContentArchive> logger)
    {
        _root = Path.GetFullPath(root);
        _logger = logger;
        Directory.CreateDirectory(_root);
        RemoveStaleTemporaries();
    }

    public string Root => _root;

    public async Task<TicketAttachment> StoreAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(_root, TempPrefix + Guid.NewGuid().ToString("N"));
        var placed = false;
        try
        {
            var (sha256, size) = await WriteAsync(content, temp, cancellationToken).ConfigureAwait(false);
            var isNew = MoveIntoPlace(temp, sha256, size);
            placed = isNew;
            StoreLog.Archived(_logger, sha256, size, isNew);
            return new TicketAttachment
            {
                FileName = SafeFileName.From(fileName),
                ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType.Trim(),
                Size = size,
                Sha256 = sha256,
            };
        }
        catch (Exception ex) when (StorageUnavailableException.IsFileSystemFault(ex))
        {
            // The content comes from memory or the service's own spool: an I/O failure is the disk's, not the item's.
            throw new StorageUnavailableException($"The archive at {_root} could not store {SafeFileName.From(fileName)}: {ex.Message}", ex);
        }
        finally
        {
            if (!placed)
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> for a malformed digest, <see cref="FileNotFoundException"/> when absent.</summary>
    public Stream OpenRead(string sha256)
    {
        var path = PathOf(Sha256Hex.Validate(sha256));
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new FileNotFoundException($"No archived content {sha256}.", path, e);
        }
    }

    public bool Contains(string sha256) => File.Exists(PathOf(Sha256Hex.Validate(sha256)));

    /// <summary>Where a blob lies under an archive root laid out as this archive lays it out (a backup's copy too).</summary>
    internal static string PathIn(string root, string sha256) => Path.Combine(root, sha256[..2], sha256[2..4], sha256);

    /// <summary>Every blob under such a root, by the hash it is named after; temporary files of writes in progress are not blobs.</summary>
    internal static IEnumerable<(string Sha256, string Path)> Blobs(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => (Sha256: Path.GetFileName(path), Path: path))
            .Where(blob => Sha256Hex.IsValid(blob.Sha256));

    private string PathOf(string sha256) => PathIn(_root, sha256);

    private static async Task<(string Sha256, long Size)> WriteAsync(Stream content, string temp, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size;
        // Each part is read once, hashed and written in the same pass (HashingCopy). The writes go to the page cache (the
        // batch's flush makes them durable), so plain blocking writes of whole chunks: no FileStream buffer copying them
        // again and no thread-pool hop per write, which an async FileStream costs on Linux.
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.None))
        {
            if (content is MemoryStream memory && memory.TryGetBuffer(out var held) && memory.Position <= held.Count)
            {
                // A message spooled in memory (most mail) is hashed and written from where it lies: one write, no copy.
                var rest = held.AsSpan((int)memory.Position);
                hash.AppendData(rest);
                file.Write(rest);
                size = rest.Length;
                memory.Position = memory.Length;
            }
            else
            {
                size = await HashingCopy.CopyAsync(content, file, hash, cancellationToken).ConfigureAwait(false);
            }

            if (!OperatingSystem.IsLinux())
            {
                file.Flush(flushToDisk: true);
            }
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    /// <summary>Renames the flushed temporary file into place and flushes the directories whose entries changed.</summary>
    private bool MoveIntoPlace(string temp, string sha256, long size)
    {
        var target = new FileInfo(PathOf(sha256));
        if (target.Exists && target.Length == size)
        {
            return false;
        }

        // A blob renamed into place but never flushed (crash before its batch was stored) may be short after a
        // restart: it is written again, and its ticket was never committed.

        var leaf = target.DirectoryName!;
        var middle = Path.GetDirectoryName(leaf)!;
        // Only where each blob is flushed on its own do we need to know which directories are new (one stat each).
        var flushEach = !OperatingSystem.IsLinux();
        var newMiddle = flushEach && !Directory.Exists(middle);
        var newLeaf = flushEach && !Directory.Exists(leaf);
        // A mkdir per blob was a tenth of the archive's kernel time: a leaf made once by this process is not made again
        // (one removed behind our back is made again when the rename says it is missing).
        var leafIndex = KnownLeafDirectories.IndexOf(sha256);
        if (flushEach || !_knownLeaves.Contains(leafIndex))
        {
            Directory.CreateDirectory(leaf);
            _knownLeaves.Add(leafIndex);
        }

        try
        {
            MoveOrMakeLeaf(temp, target, leaf);
        }
        catch (IOException) when (File.Exists(target.FullName))
        {
            return false; // stored meanwhile by another writer: same name, same bytes
        }

        if (!flushEach)
        {
            return true; // the directory entries are flushed with the batch (DirectorySync.FlushFileSystem)
        }

        DirectorySync.Flush(leaf);
        if (newLeaf)
        {
            DirectorySync.Flush(middle);
        }

        if (newMiddle)
        {
            DirectorySync.Flush(_root);
        }

        return true;
    }

    private static void MoveOrMakeLeaf(string temp, FileInfo target, string leaf)
    {
        try
        {
            File.Move(temp, target.FullName, overwrite: target.Exists);
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(leaf);
            File.Move(temp, target.FullName, overwrite: target.Exists);
        }
    }

    /// <summary>Temporary files left by a crash are never referenced (the rename did not happen); old ones go.</summary>
    private void RemoveStaleTemporaries()
    {
        var cutoff = DateTime.UtcNow - StaleTempAge;
        foreach (var file in new DirectoryInfo(_root).EnumerateFiles(TempPrefix + "*"))
        {
            if (file.LastWriteTimeUtc < cutoff)
            {
                file.Delete();
            }
        }
    }
}
