using System.Collections.Concurrent;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Blobs this process archived that no committed write refers to yet. A blob up to the archive's in-memory limit is
/// held here as bytes (up to <see cref="BudgetBytes"/> in all) and written by the transaction of the first write that
/// refers to it (a dispatch batch, a quarantine or spam record: see <see cref="PendingBlobWrite"/>), so it is durable
/// exactly when that commits and costs no round trip of its own. A blob past the budget, or larger, is written through
/// at once with an asynchronous commit and only its hash is held: the synchronous commit of the write that refers to it
/// flushes the WAL up to its own commit record and so every blob commit before it; the one case that leaves is a server
/// restart between the two, which loses the blob, so that write looks for it inside its own transaction and refuses to
/// commit a ticket whose original is gone. A blob nobody claims within <see cref="Unclaimed"/> (its item failed after
/// archiving, a spam's attachments) goes with the next write anyway, so held bytes never stay for good. Blobs a
/// committed write made durable are remembered (up to <see cref="MaxDurable"/>, then forgotten all at once): the same
/// bytes archived again (a signature's logo, a forwarded attachment) need no write, since blobs are never deleted.
/// </summary>
public sealed class PendingBlobs
{
    internal const int MaxDurable = 65_536;

    /// <summary>Default of <see cref="PostgreSqlStoreOptions.PendingBlobBytes"/>.</summary>
    public const long DefaultBudgetBytes = 64L * 1024 * 1024;

    /// <summary>Held this long without a write claiming it, a blob is written with whichever write comes next.</summary>
    internal static readonly TimeSpan Unclaimed = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, PendingBlob> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _durable = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _heldBytes;

    public PendingBlobs()
        : this(DefaultBudgetBytes, TimeProvider.System)
    {
    }

    /// <param name="budgetBytes">The most bytes held at once; 0 writes every blob through.</param>
    public PendingBlobs(long budgetBytes, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budgetBytes);
        (BudgetBytes, _time) = (budgetBytes, time);
    }

    public long BudgetBytes { get; }

    /// <summary>Pending blobs, held as bytes or written through.</summary>
    internal int Count => _pending.Count;

    internal long HeldBytes => Interlocked.Read(ref _heldBytes);

    /// <summary>Keeps the bytes (copied) until a write claims them; false when the budget has no room (write them through).</summary>
    internal bool TryHold(string sha256, ReadOnlySpan<byte> content)
    {
        if (_pending.TryGetValue(sha256, out var known))
        {
            known.Touch(Now);
            return true;
        }

        if (Interlocked.Add(ref _heldBytes, content.Length) > BudgetBytes)
        {
            Interlocked.Add(ref _heldBytes, -content.Length);
            return false;
        }

        if (!_pending.TryAdd(sha256, new PendingBlob(content.ToArray(), Now)))
        {
            Interlocked.Add(ref _heldBytes, -content.Length); // archived at the same moment by another item
        }

        return true;
    }

    /// <summary>Written through with an asynchronous commit: pending until a write that refers to it commits.</summary>
    internal void Add(string sha256) => _pending.GetOrAdd(sha256, static (_, now) => new PendingBlob(null, now), Now).Touch(Now);

    internal bool Contains(string sha256) => _pending.ContainsKey(sha256);

    /// <summary>The bytes held for this blob, or null (not pending, or written through).</summary>
    internal byte[]? Held(string sha256) => _pending.TryGetValue(sha256, out var blob) ? blob.Content : null;

    /// <summary>Pending blobs among <paramref name="hashes"/> and those held too long unclaimed, each once, by hash.</summary>
    internal IReadOnlyList<(string Sha256, byte[]? Content, bool Claimed)> Wanted(IEnumerable<string> hashes)
    {
        var wanted = new SortedDictionary<string, (byte[]?, bool)>(StringComparer.Ordinal);
        foreach (var hash in hashes)
        {
            if (_pending.TryGetValue(hash, out var blob))
            {
                wanted[hash] = (blob.Content, true);
            }
        }

        var stale = Now - Unclaimed.Ticks;
        foreach (var (hash, blob) in _pending)
        {
            if (blob.LastUsed < stale)
            {
                wanted.TryAdd(hash, (blob.Content, false));
            }
        }

        return wanted.Select(w => (w.Key, w.Value.Item1, w.Value.Item2)).ToList();
    }

    /// <summary>Lost before a write committed (or never written): no longer pending, and written again when archived again.</summary>
    internal void Remove(IEnumerable<string> hashes)
    {
        foreach (var hash in hashes)
        {
            Forget(hash);
        }
    }

    /// <summary>Made durable by a committed write: no longer pending, and known to be in the database.</summary>
    internal void Durable(IEnumerable<string> hashes)
    {
        foreach (var hash in hashes)
        {
            if (_durable.Count >= MaxDurable)
            {
                _durable.Clear();
            }

            _durable.TryAdd(hash, 0);
            Forget(hash);
        }
    }

    /// <summary>Durably in the database already (written by this process, committed with a write).</summary>
    internal bool IsDurable(string sha256) => _durable.ContainsKey(sha256);

    private long Now => _time.GetUtcNow().UtcTicks;

    private void Forget(string hash)
    {
        if (_pending.TryRemove(hash, out var blob) && blob.Content is { } content)
        {
            Interlocked.Add(ref _heldBytes, -content.Length);
        }
    }

    private sealed class PendingBlob(byte[]? content, long lastUsed)
    {
        private long _lastUsed = lastUsed;

        public byte[]? Content { get; } = content;

        public long LastUsed => Volatile.Read(ref _lastUsed);

        public void Touch(long now) => Volatile.Write(ref _lastUsed, now);
    }
}
