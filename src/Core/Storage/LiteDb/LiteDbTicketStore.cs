using System.Diagnostics;
using ContactCenter.Core.Tickets;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>
/// The ticket store on one LiteDB file in Direct mode, owned by this process. LiteDB is synchronous and binds explicit
/// transactions to the calling thread, so every operation runs on the caller's thread, with no await between
/// BeginTrans and Commit, serialised by a semaphore.
/// </summary>
internal sealed partial class LiteDbTicketStore : ITicketStore
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LiteDatabase _db;
    private StoreCollections _c;
    private readonly string _prefix;
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly StoreLock _lock;
    private readonly string _archiveRoot;
    private bool _disposed;

    public LiteDbTicketStore(StoreOptions options, TimeProvider time, ILogger<LiteDbTicketStore> logger, WebhookSubscriptions? webhooks = null)
    {
        _time = time;
        _webhooks = webhooks ?? WebhookSubscriptions.None;
        _logger = logger;
        _prefix = options.TicketPrefix;
        _path = Path.GetFullPath(options.ResolvedDatabasePath);
        _archiveRoot = Path.GetFullPath(options.ResolvedArchivePath);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        RefuseForeignFile(_path, logger);
        _lock = StoreLock.Acquire(_path);
        try
        {
            _db = Open(_path);
            _c = new StoreCollections(_db);
            _c.EnsureIndexes();
            _c.ParkFinishedRows();
            _db.Checkpoint();
        }
        catch
        {
            _db?.Dispose();
            _lock.Dispose();
            throw;
        }

        StoreLog.Opened(logger, _path);
    }

    private static void RefuseForeignFile(string path, ILogger logger)
    {
        try
        {
            LiteDbFileGuard.EnsureOpenable(path);
        }
        catch (InvalidDataException)
        {
            StoreLog.RefusedForeignFile(logger, path);
            throw;
        }
    }

    private static LiteDatabase Open(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        var isNew = !File.Exists(path);
        var connection = new ConnectionString
        {
            Filename = path,
            Connection = ConnectionType.Direct,
            Collation = new Collation("en-US/Ordinal"),
        };
        var db = new LiteDatabase(connection, StoreBsonMapper.Create());
        if (isNew)
        {
            DirectorySync.Flush(directory);
        }

        return db;
    }

    public Task<IReadOnlyDictionary<string, string?>> FindKnownSourcesAsync(IReadOnlyCollection<string> sourceKeys, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyDictionary<string, string?>>(() =>
        {
            var known = new Dictionary<string, string?>(StringComparer.Ordinal);
            var sources = StoreBatchQuery.Sources(_c, sourceKeys);
            if (sources.Count == 0)
            {
                return known;
            }

            var quarantined = _c.Quarantine.Find(StoreBatchQuery.In(nameof(QuarantineRecord.SourceKey), sources.Keys))
                .ToDictionary(r => r.SourceKey, StringComparer.Ordinal);
            foreach (var key in sources.Keys)
            {
                known[key] = quarantined.GetValueOrDefault(key) is { Status: not QuarantineStatus.Retried } record ? record.Reason : null;
            }

            return known;
        }, cancellationToken);

    /// <summary>True when an item with this source key was already dispatched or quarantined.</summary>
    internal Task<bool> IsKnownSourceAsync(string sourceKey, CancellationToken cancellationToken) =>
        RunAsync(() => _c.Sources.FindById(sourceKey) is not null, cancellationToken);

    /// <summary>
    /// The blobs these tickets refer to were archived without a flush each: one flush of the archive's filesystem makes
    /// them durable. It runs on another thread while the batch is applied in memory and is awaited before the commit,
    /// so no ticket is committed before its blobs are on disk (pages LiteDB may write to its log before the commit are
    /// unconfirmed, and never recovered), and the batch no longer waits for the disk and then for the CPU, one after the
    /// other.
    /// </summary>
    public async Task<IReadOnlyList<DispatchOutcome>> DispatchAsync(IReadOnlyList<DispatchRequest> batch, CancellationToken cancellationToken)
    {
        var flushed = Task.Run(() => DirectorySync.FlushFileSystem(_archiveRoot), CancellationToken.None);
        try
        {
            return await RunAsync(() => Durably(() =>
            {
                var started = Stopwatch.GetTimestamp();
                var dispatcher = new TicketDispatcher(_c, _prefix, _time.GetUtcNow(), _logger);
                dispatcher.Prepare(batch);
                IReadOnlyList<DispatchOutcome> outcomes = [.. batch.Select(dispatcher.Dispatch)];
                dispatcher.Complete();
                QueueWebhooks(outcomes);
                flushed.GetAwaiter().GetResult(); // a failed flush rolls the batch back
                LogBatch(outcomes, started);
                return outcomes;
            }), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The batch failed (or the flush did, and is observed already): a failure of the flush must not go unobserved.
            _ = flushed.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }

    public Task<Ticket?> GetAsync(string number, CancellationToken cancellationToken) =>
        RunAsync(() => _c.FindTicket(Canonical(number)), cancellationToken);

    public Task<Ticket?> UpdateAsync(string number, Func<Ticket, TicketEvent> change, CancellationToken cancellationToken) =>
        RunAsync(() => Durably(() =>
        {
            var ticket = _c.FindTicket(Canonical(number));
            if (ticket is null)
            {
                return null;
            }

            var ticketEvent = change(ticket);
            if (ticketEvent.At == default)
            {
                ticketEvent.At = _time.GetUtcNow();
            }

            ticket.History.Add(ticketEvent);
            _c.Tickets.Update(ticket);
            QueueWebhooks(WebhookEventTypes.TicketUpdated, ticket.Number, ticketEvent.Kind.ToString());
            StoreLog.TicketUpdated(_logger, ticket.Number, ticketEvent.Kind, ticketEvent.Actor);
            return ticket;
        }), cancellationToken);

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                _db.Dispose();
                _lock.Dispose();
                StoreLog.Closed(_logger, _path);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Accepts our numbers whatever the case of the prefix (pc-2026-000042); anything else is looked up as given.</summary>
    private string Canonical(string number) =>
        TicketNumber.TryFind(number, _prefix, out var canonical) ? canonical : number;

    private void LogBatch(IReadOnlyList<DispatchOutcome> outcomes, long started)
    {
        int Count(params DispatchOutcomeKind[] kinds) => outcomes.Count(o => kinds.Contains(o.Kind));
        StoreLog.BatchDispatched(_logger, outcomes.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            Count(DispatchOutcomeKind.Created), Count(DispatchOutcomeKind.FollowUpAppended),
            Count(DispatchOutcomeKind.AutoMailAttached, DispatchOutcomeKind.AutoMailRecorded), Count(DispatchOutcomeKind.Duplicate));
    }
}
