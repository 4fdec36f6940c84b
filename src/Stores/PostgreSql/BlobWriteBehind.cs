using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Writes large blobs to the database in the background, so a normaliser goes on with the next message while the
/// server takes the megabytes (on a server sharing the host's cores, or across a network, the write is most of the
/// archiving's time). The blob is already hashed and spooled to a private file; its write commits asynchronously and is
/// pending in <see cref="PendingBlobs"/> like one written through, so the write that refers to it waits for it and then
/// checks it, in its own transaction, as for every blob written through. One write at a time, the others waiting with
/// only their file: two writers extending the same table take turns on its extension lock page by page (measured: the
/// server spent 2.0–2.2 s on 40 such inserts two at a time, 1.4–1.5 s one at a time). Never throws: a failure is the
/// task's result, logged once here and raised by the write that refers to the blob.
/// </summary>
internal sealed class BlobWriteBehind(NpgsqlDataSource dataSource, ILogger logger)
{
    internal const int Writers = 1;

    private readonly SemaphoreSlim _writers = new(Writers);

    /// <summary>Starts the write of <paramref name="blob"/> (disposed once written) and returns at once.</summary>
    public Task<Exception?> Start(SpooledBlob blob) => Task.Run(() => WriteAsync(blob));

    private async Task<Exception?> WriteAsync(SpooledBlob blob)
    {
        await using (blob.ConfigureAwait(false))
        {
            // No cancellation: a write cut off by the service stopping leaves nothing to undo (its batch never commits).
            await _writers.WaitAsync().ConfigureAwait(false);
            try
            {
                await using var db = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
                await BlobInsert.ExecuteAsync(db, blob.Sha256, blob.Size, blob.Content, "off", default).ConfigureAwait(false);
                return null;
            }
            catch (Exception ex)
            {
                PostgreSqlStoreLog.WriteBehindFailed(logger, ex, blob.Sha256, blob.Size);
                return ex;
            }
            finally
            {
                _writers.Release();
            }
        }
    }
}
