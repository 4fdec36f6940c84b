using ContactCenter.Core.Storage;

namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// Snapshots of the embedded store for a backup, made beside the store (the same filesystem, so the copy is fast and
/// the store's lock short) in a private file deleted when closed.
/// </summary>
internal static class StoreSnapshots
{
    private const string Prefix = ".snapshot-";

    public static async Task<Stream> OpenAsync(ITicketStore store, string folder, TimeProvider time, CancellationToken cancellationToken)
    {
        DeleteStale(folder, time);
        var temporary = Path.Combine(folder, $"{Prefix}{Guid.NewGuid():N}.db");
        try
        {
            await store.BackupAsync(temporary, cancellationToken).ConfigureAwait(false);
            return new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16,
                FileOptions.Asynchronous | FileOptions.SequentialScan | FileOptions.DeleteOnClose);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Copies left by a process that died while sending them; a day is longer than any send.</summary>
    private static void DeleteStale(string folder, TimeProvider time)
    {
        var before = time.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var stale in Directory.EnumerateFiles(folder, Prefix + "*.db").Where(f => File.GetLastWriteTimeUtc(f) < before))
        {
            File.Delete(stale);
        }
    }
}
