using System.Collections.Concurrent;
using ContactCenter.Core.Storage;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Blobs this process archived that no committed write refers to yet. A blob up to the archive's in-memory limit is
/// held here as bytes (up to <see cref="BudgetBytes"/> in all) and written by the transaction of the first write that
/// refers to it (a dispatch batch, a quarantine or spam record: see <see cref="PendingBlobWrite"/>), so it is durable
/// exactly when that commits and costs no round trip of its own. A blob past the budget is written through at once, a
/// larger one in the background (<see cref="TryStartWriting"/>, which the write that refers to it waits for), both with
/// an asynchronous commit, and only its hash is held: the synchronous commit of the write that refers to it
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

    /// <summary>
    /// Pending from now and written in the background by <paramref name="start"/> (see <see cref="BlobWriteBehind"/>),
    /// unless it is pending already (false: nothing started); a write that failed before is started again.
    /// </summary>
    internal bool TryStartWriting(string sha256, Func<Task<Exception?>> start)
    {
        var started = new TaskCompletionSource<Task<Exception?>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = new PendingBlob(null, Now, started.Task.Unwrap());
        while (!_pending.TryAdd(sha256, entry))
        {
            if (_pending.TryGetValue(sha256, out var known) && !known.Failed)
            {
                known.Touch(Now);
                return false;
            }

            if (known is not null && _pending.TryUpdate(sha256, entry, known))
            {
                break;
            }
        }

        started.SetResult(start());
        return true;
    }

    /// <summary>
    /// Waits for this blob's background write, if it has one; throws <see cref="StorageUnavailableException"/> when
    /// that failed (the blob stays pending as failed, so every write that refers to it fails too until it is archived again).
    /// </summary>
    internal async Task WhenWrittenAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (_pending.TryGetValue(sha256, out var blob) && blob.Writing is { } writing
            && await writing.WaitAsync(cancellationToken).ConfigureAwait(false) is { } failure)
        {
            throw WriteFailed(sha256, failure);
        }
    }

    internal bool Contains(string sha256) => _pending.ContainsKey(sha256);

    /// <summary>The bytes held for this blob, or null (not pending, or written through).</summary>
    internal byte[]? Held(string sha256) => _pending.TryGetValue(sha256, out var blob) ? blob.Content : null;

    /// <summary>
    /// Pending blobs among <paramref name="hashes"/> and those held too long unclaimed, each once, by hash, once their
    /// background writes are done. Throws <see cref="StorageUnavailableException"/> when the write of one of
    /// <paramref name="hashes"/> failed; an unclaimed one that failed is forgotten.
    /// </summary>
    internal async Task<IReadOnlyList<(string Sha256, byte[]? Content, bool Claimed)>> WantedAsync(IEnumerable<string> hashes, CancellationToken cancellationToken)
    {
        var wanted = new SortedDictionary<string, (PendingBlob, bool)>(StringComparer.Ordinal);
        foreach (var hash in hashes)
        {
            if (_pending.TryGetValue(hash, out var blob))
            {
                wanted[hash] = (blob, true);
            }
        }

        var stale = Now - Unclaimed.Ticks;
        foreach (var (hash, blob) in _pending)
        {
            if (blob.LastUsed < stale)
            {
                wanted.TryAdd(hash, (blob, false));
            }
        }

        foreach (var (hash, (blob, claimed)) in wanted.ToList())
        {
            if (blob.Writing is { } writing && await writing.WaitAsync(cancellationToken).ConfigureAwait(false) is { } failure)
            {
                if (claimed)
                {
                    throw WriteFailed(hash, failure);
                }

                _pending.TryRemove(new KeyValuePair<string, PendingBlob>(hash, blob));
                wanted.Remove(hash);
            }
        }

        return wanted.Select(w => (w.Key, w.Value.Item1.Content, w.Value.Item2)).ToList();
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

    private static StorageUnavailableException WriteFailed(string sha256, Exception failure) =>
        new($"The database could not store archived content {sha256}: {failure.Message}; nothing that refers to it is stored, its item is read again.", failure);

    private sealed class PendingBlob(byte[]? content, long lastUsed, Task<Exception?>? writing = null)
    {
        private long _lastUsed = lastUsed;

        public byte[]? Content { get; } = content;

        /// <summary>Its background write (never faulted: the result is the failure, or null once written).</summary>
        public Task<Exception?>? Writing { get; } = writing;

        public bool Failed => Writing is { IsCompletedSuccessfully: true, Result: not null };

        public long LastUsed => Volatile.Read(ref _lastUsed);

        public void Touch(long now) => Volatile.Write(ref _lastUsed, now);
    }
}
