namespace ContactCenter.Core.Storage.Backup;

/// <summary>Writes a store snapshot into a backup folder: whole and flushed before it replaces the previous one.</summary>
public static class StoreSnapshotFile
{
    public const string FileName = "tickets.db";

    public static async Task<long> WriteAsync(Stream snapshot, string folder, CancellationToken cancellationToken)
    {
        var target = Path.Combine(folder, FileName);
        var temporary = Path.Combine(folder, $".{FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            long length;
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await snapshot.CopyToAsync(output, 1 << 16, cancellationToken).ConfigureAwait(false);
                output.Flush(flushToDisk: true);
                length = output.Length;
            }

            if (!IsStoreFile(temporary, length))
            {
                throw new InvalidDataException($"The snapshot received ({length} bytes) is not a LiteDB store file; the backup's {FileName} was left as it was.");
            }

            File.Move(temporary, target, overwrite: true);
            DirectorySync.Flush(folder);
            return length;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static bool IsStoreFile(string path, long length)
    {
        if (length == 0)
        {
            return false;
        }

        try
        {
            LiteDb.LiteDbFileGuard.EnsureOpenable(path);
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
