using System.Collections.Concurrent;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Blobs this process archived with an asynchronous commit and no ticket has made durable yet. A flush per blob cost
/// most of the e-mail ingest on PostgreSQL; instead the batch that refers to them commits synchronously, which
/// flushes the WAL up to its own commit record and so every blob commit before it (a held spam record likewise). The one case that leaves is a
/// server restart between the two, which loses the blob: the dispatch looks for its pending blobs inside its own
/// transaction and refuses to commit a ticket whose original is gone (see <see cref="ArchivedBlobsCheck"/>).
/// </summary>
public sealed class PendingBlobs
{
    private readonly ConcurrentDictionary<string, byte> _hashes = new(StringComparer.Ordinal);

    internal void Add(string sha256) => _hashes.TryAdd(sha256, 0);

    internal bool Contains(string sha256) => _hashes.ContainsKey(sha256);

    internal void Remove(IEnumerable<string> hashes)
    {
        foreach (var hash in hashes)
        {
            _hashes.TryRemove(hash, out _);
        }
    }

    internal int Count => _hashes.Count;
}
