using ContactCenter.Core.Storage.Backup;

namespace ContactCenter.Workers.Cli.Store;

/// <summary>
/// The embedded store's snapshot (from the running service, else taken from the store) written as
/// <see cref="StoreSnapshotFile.FileName"/> into a folder: what <c>store backup</c> keeps and <c>store verify</c> reads.
/// </summary>
internal static class StoreSnapshotDownload
{
    /// <returns>The snapshot's size in bytes.</returns>
    public static async Task<long> WriteAsync(CliSession session, string folder, CancellationToken cancellationToken)
    {
        await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
        await using var snapshot = await client.OpenStoreSnapshotAsync(cancellationToken).ConfigureAwait(false);
        return await StoreSnapshotFile.WriteAsync(snapshot, folder, cancellationToken).ConfigureAwait(false);
    }
}
