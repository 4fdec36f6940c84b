using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// What a dispatch batch's decisions need, read in one round trip before the first (which also sets the transaction's
/// <see cref="Sql.SynchronousCommitOn"/>): the <c>sources</c> rows of its keys, every <c>message_ids</c> row under a
/// Message-ID it carries or refers to, the receipts already queued today to its senders, the rows the caller locks with
/// them (the counters of its arrivals' years, the tickets its subjects name: <see cref="BatchTicketNumbers.Lock"/>,
/// <see cref="BatchTickets.Lock"/>), and which of its pending blobs written through are still there (those held in
/// memory are written with the batch's rows: <see cref="BlobInserts"/>). The batch's own outcomes are added as it goes.
/// </summary>
internal sealed class DispatchBatchReads
{
    private readonly Dictionary<string, (string Outcome, string? Ticket)> _sources = new(StringComparer.Ordinal);

    private DispatchBatchReads(MessageIdRows messageIds) => MessageIds = messageIds;

    public MessageIdRows MessageIds { get; }

    /// <summary>Null when the batch has no limited receipt.</summary>
    public BatchReceiptCounts? ReceiptCounts { get; private set; }

    /// <summary>The pending blobs the batch writes or found in the database: durable once it commits.</summary>
    public IReadOnlyList<string> MadeDurable { get; private set; } = [];

    /// <summary>The inserts of the pending blobs held in memory, written with the batch's rows.</summary>
    public IReadOnlyList<NpgsqlBatchCommand> BlobInserts { get; private set; } = [];

    /// <exception cref="InvalidOperationException">A pending blob the batch refers to is gone (see <see cref="ArchivedBlobsCheck"/>).</exception>
    public static async Task<DispatchBatchReads> ReadAsync(NpgsqlConnection db, IReadOnlyList<DispatchRequest> batch, PendingBlobs? pending,
        IEnumerable<(NpgsqlBatchCommand Command, Action<NpgsqlDataReader> ReadRow)> locks, CancellationToken cancellationToken)
    {
        var reads = new DispatchBatchReads(new MessageIdRows(batch));
        var keys = batch.SelectMany(r => SameItem.Keys(r.Draft)).Distinct(StringComparer.Ordinal).ToArray();
        var queries = new List<(NpgsqlBatchCommand, Action<NpgsqlDataReader>)>
        {
            (Sql.BatchCommand(Sql.SynchronousCommitOn), _ => { }),
            // Locked (in key order, so two batches cannot deadlock on them): a quarantined or held item dispatched by two
            // nodes at once (a retry clicked twice) is then applied by the first, and the second reads its outcome.
            (Sql.BatchCommand("SELECT key, outcome, ticket_number FROM sources WHERE key = ANY(@k) ORDER BY key FOR UPDATE", ("k", keys)),
                r => reads._sources[r.GetString(0)] = (r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2))),
            (Sql.BatchCommand(MessageIdRows.Query, ("ids", reads.MessageIds.Wanted)), reads.MessageIds.Read),
        };
        var (addresses, since) = BatchReceiptCounts.Wanted(batch);
        var queued = new List<(string, int)>();
        if (since is { } start)
        {
            // Each address's count is locked until the commit (in one order, so batches cannot deadlock on them):
            // another node's batch queuing to the same sender meanwhile would not be counted, and each node could send
            // up to the daily limit.
            queries.Add((Sql.BatchCommand("SELECT pg_advisory_xact_lock(hashtextextended('receipts:' || a, 0)) FROM unnest(@to) AS t(a)",
                ("to", addresses.Order(StringComparer.Ordinal).ToArray())), _ => { }));
            queries.Add((Sql.BatchCommand("SELECT to_lower, count(*) FROM outbox WHERE to_lower = ANY(@to) AND created_at >= @since GROUP BY to_lower",
                ("to", addresses.ToArray()), ("since", start)), r => queued.Add((r.GetString(0), (int)r.GetInt64(1)))));
        }

        // After the rows and locks above, in the caller's order: every batch takes its locks in the same order.
        queries.AddRange(locks);
        var blobs = await PendingBlobWrite.ForAsync(pending, batch.SelectMany(r => r.Draft.Attachments.Append(r.Draft.Original)), cancellationToken)
            .ConfigureAwait(false);
        var present = new List<string>();
        if (blobs.Check() is { } check)
        {
            queries.Add((check, r => present.Add(r.GetString(0))));
        }

        await Sql.ReadBatchAsync(db, queries, cancellationToken).ConfigureAwait(false);
        reads.ReceiptCounts = since is null ? null : new BatchReceiptCounts(since, addresses, queued);
        reads.MadeDurable = blobs.Require(present);
        reads.BlobInserts = [.. blobs.Inserts()];
        return reads;
    }

    /// <summary>The source key's row, the batch's own outcome included; null when never seen.</summary>
    public (string Outcome, string? Ticket)? Source(string key) => _sources.TryGetValue(key, out var source) ? source : null;

    public void Dispatched(string key, string outcome, string? ticketNumber) => _sources[key] = (outcome, ticketNumber);

    /// <summary>
    /// The tickets the batch's new items name (a number in the subject, the first ticket a reference leads to), to be
    /// locked together; an item the references lead elsewhere still finds its ticket on its own.
    /// </summary>
    public IEnumerable<string> NamedTickets(IReadOnlyList<DispatchRequest> batch, string prefix)
    {
        foreach (var draft in batch.Select(r => r.Draft).Where(d => Source(d.SourceKey) is null or { Outcome: nameof(SourceOutcome.Quarantined) or nameof(SourceOutcome.Spam) }))
        {
            if (TicketNumber.TryFind(draft.Subject, prefix, out var number))
            {
                yield return number;
            }

            if (MessageIdRecord.RepliedTo(draft).SelectMany(MessageIds.Tickets).FirstOrDefault() is { } referenced)
            {
                yield return referenced;
            }
        }
    }
}
