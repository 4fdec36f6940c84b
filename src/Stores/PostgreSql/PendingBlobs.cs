using System.Collections.Concurrent;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Blobs this process archived with an asynchronous commit and no ticket has made durable yet. A flush per blob cost
/// most of the e-mail ingest on PostgreSQL; instead the batch that refers to them commits synchronously, which
/// flushes the WAL up to its own commit record and so every blob commit before it (a held spam record likewise). The one case that leaves is a
/// server restart between the two, which loses the blob: the dispatch looks for its pending blobs inside its own
/// transaction and refuses to commit a ticket whose original is gone (see <see cref="ArchivedBlobsCheck"/>).
/// Blobs a committed batch made durable are remembered (up to <see cref="MaxDurable"/>, then forgotten all at once):
/// the same bytes archived again (a signature's logo, a forwarded attachment) need no write, since blobs are never
/// deleted. A pending blob is not remembered so: the check that finds it lost must see it written again.
/// </summary>
public sealed class PendingBlobs
{
    internal const int MaxDurable = 65_536;

    private readonly ConcurrentDictionary<string, byte> _hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _durable = new(StringComparer.Ordinal);

    internal void Add(string sha256) => _hashes.TryAdd(sha256, 0);

    internal bool Contains(string sha256) => _hashes.ContainsKey(sha256);

    /// <summary>Lost before its batch committed: no longer pending, and written again when archived again.</summary>
    internal void Remove(IEnumerable<string> hashes)
    {
        foreach (var hash in hashes)
        {
            _hashes.TryRemove(hash, out _);
        }
    }

    /// <summary>Made durable by a committed batch: no longer pending, and known to be in the database.</summary>
    internal void Durable(IEnumerable<string> hashes)
    {
        foreach (var hash in hashes)
        {
            if (_durable.Count >= MaxDurable)
            {
                _durable.Clear();
            }

            _durable.TryAdd(hash, 0);
            _hashes.TryRemove(hash, out _);
        }
    }

    /// <summary>Durably in the database already (written by this process, committed with a batch).</summary>
    internal bool IsDurable(string sha256) => _durable.ContainsKey(sha256);

    internal int Count => _hashes.Count;
}
