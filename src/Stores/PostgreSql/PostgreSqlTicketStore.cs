using System.Data;
using System.Diagnostics;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// The ticket store on PostgreSQL, shared by every node. Each write is one READ COMMITTED transaction with
/// <c>synchronous_commit = on</c> (committed means on disk, whatever the server's default), so a batch is durable
/// before the caller acknowledges any source item. Rows another node may change are locked (SELECT ... FOR UPDATE);
/// a transaction that loses a race (unique violation, deadlock, serialization failure) runs again from the start.
/// </summary>
internal sealed partial class PostgreSqlTicketStore : ITicketStore
{
    private static readonly HashSet<string> ConflictStates =
        [PostgresErrorCodes.UniqueViolation, PostgresErrorCodes.DeadlockDetected, PostgresErrorCodes.SerializationFailure];

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly string _prefix;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _retries;
    private readonly Action _beforeCommit;
    private readonly WebhookSubscriptions _webhooks;
    private readonly PendingBlobs? _pendingBlobs;
    private readonly SchemaGate _schema;

    /// <param name="beforeCommit">Makes archived blobs durable before tickets that refer to them commit (a folder archive's flush).</param>
    public PostgreSqlTicketStore(NpgsqlDataSource dataSource, bool ownsDataSource, string prefix, int retries, Action beforeCommit, TimeProvider time, ILogger logger,
        WebhookSubscriptions? webhooks = null, PendingBlobs? pendingBlobs = null)
    {
        _pendingBlobs = pendingBlobs;
        _webhooks = webhooks ?? WebhookSubscriptions.None;
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _prefix = prefix;
        _retries = retries;
        _beforeCommit = beforeCommit;
        _time = time;
        _logger = logger;
        _schema = new SchemaGate(dataSource, logger);
    }

    public async Task<IReadOnlyDictionary<string, string?>> FindKnownSourcesAsync(IReadOnlyCollection<string> sourceKeys, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Sql.ListAsync(db,
            """
            SELECT s.key, CASE WHEN q.status IS NOT NULL AND q.status <> 'Retried' THEN q.doc->>'Reason' END
            FROM sources s LEFT JOIN quarantine q ON q.source_key = s.key
            WHERE s.key = ANY(@keys)
            """, r => (Key: r.GetString(0), Reason: r.IsDBNull(1) ? null : r.GetString(1)), cancellationToken, ("keys", sourceKeys.ToArray()))
            .ConfigureAwait(false);
        return rows.ToDictionary(r => r.Key, r => r.Reason, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<DispatchOutcome>> DispatchAsync(IReadOnlyList<DispatchRequest> batch, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> madeDurable = [];
        var outcomes = await WriteAsync<IReadOnlyList<DispatchOutcome>>(async db =>
        {
            var started = Stopwatch.GetTimestamp();
            var dispatcher = new PostgreSqlTicketDispatcher(db, _prefix, _time.GetUtcNow(), _logger);
            madeDurable = await dispatcher.PrepareAsync(batch, _pendingBlobs, cancellationToken).ConfigureAwait(false);
            var outcomes = new List<DispatchOutcome>(batch.Count);
            foreach (var request in batch)
            {
                outcomes.Add(await dispatcher.DispatchAsync(request, cancellationToken).ConfigureAwait(false));
            }

            foreach (var delivery in _webhooks.Deliveries(outcomes, _time.GetUtcNow()))
            {
                dispatcher.Queue(PostgreSqlWebhooks.InsertCommand(delivery));
            }

            _beforeCommit();
            await dispatcher.CommitAsync(cancellationToken).ConfigureAwait(false);
            LogBatch(outcomes, started);
            return outcomes;
        }, cancellationToken, workCommits: true).ConfigureAwait(false);
        _pendingBlobs?.Durable(madeDurable);
        return outcomes;
    }

    public async Task<Ticket?> GetAsync(string number, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await TicketRows.FindAsync(db, Canonical(number), cancellationToken).ConfigureAwait(false);
    }

    public Task<Ticket?> UpdateAsync(string number, Func<Ticket, TicketEvent> change, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            var ticket = await TicketRows.FindForUpdateAsync(db, Canonical(number), cancellationToken).ConfigureAwait(false);
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
            await TicketRows.UpdateAsync(db, ticket, cancellationToken).ConfigureAwait(false);
            await QueueWebhooksAsync(db, WebhookEventTypes.TicketUpdated, ticket.Number, ticketEvent.Kind.ToString(), cancellationToken).ConfigureAwait(false);
            PostgreSqlStoreLog.TicketUpdated(_logger, ticket.Number, ticketEvent.Kind, ticketEvent.Actor);
            return ticket;
        }, cancellationToken);

    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits it durably; runs it again, from a fresh transaction,
    /// when it lost a race with another writer.
    /// </summary>
    /// <param name="workCommits">
    /// The work's first statement is <see cref="Sql.SynchronousCommitOn"/>, and it makes its blobs durable and commits
    /// with its last statements itself: a round trip saved at each end.
    /// </param>
    private async Task<T> WriteAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken, bool workCommits = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = await db.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
                if (workCommits)
                {
                    // A statement of the work that failed leaves the transaction open and aborted: disposing it rolls back.
                    return await work(db).ConfigureAwait(false);
                }

                await Sql.ExecuteAsync(db, Sql.SynchronousCommitOn, cancellationToken).ConfigureAwait(false);
                var result = await work(db).ConfigureAwait(false);
                _beforeCommit();
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (PostgresException e) when (ConflictStates.Contains(e.SqlState) && attempt < _retries)
            {
                PostgreSqlStoreLog.ConflictRetried(_logger, e.SqlState, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Task WriteAsync(Func<NpgsqlConnection, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(async db => { await work(db).ConfigureAwait(false); return true; }, cancellationToken);

    /// <summary>Accepts our numbers whatever the case of the prefix (pc-2026-000042); anything else is looked up as given.</summary>
    private string Canonical(string number) =>
        TicketNumber.TryFind(number, _prefix, out var canonical) ? canonical : number;

    private void LogBatch(IReadOnlyList<DispatchOutcome> outcomes, long started)
    {
        int Count(params DispatchOutcomeKind[] kinds) => outcomes.Count(o => kinds.Contains(o.Kind));
        PostgreSqlStoreLog.BatchDispatched(_logger, outcomes.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            Count(DispatchOutcomeKind.Created), Count(DispatchOutcomeKind.FollowUpAppended),
            Count(DispatchOutcomeKind.AutoMailAttached, DispatchOutcomeKind.AutoMailRecorded), Count(DispatchOutcomeKind.Duplicate));
    }
}
