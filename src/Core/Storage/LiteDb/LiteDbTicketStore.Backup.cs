namespace ContactCenter.Core.Storage.LiteDb;

internal sealed partial class LiteDbTicketStore
{
    /// <summary>
    /// Copies the data file between two writes. Every write ends with a checkpoint that leaves the data file alone
    /// holding the store (see <see cref="Durably{T}"/>), so the copy is a store as it stood then; this checkpoint only
    /// finishes one that failed. Ingest waits for the copy: about a second per GB from the page cache.
    /// </summary>
    public Task BackupAsync(string destinationPath, CancellationToken cancellationToken) =>
        RunAsync(() =>
        {
            _db.Checkpoint();
            using var source = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            using var target = new FileStream(destinationPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            source.CopyTo(target);
            target.Flush(flushToDisk: true);
            StoreLog.BackedUp(_logger, destinationPath, target.Length);
        }, cancellationToken);
}
