using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// The rows a dispatch batch writes, sent together in one round trip (an <see cref="NpgsqlBatch"/>) inside its
/// transaction: the pending blobs it refers to, counter values, new and changed tickets, then every other row in the
/// order it was queued. A row a racing node also wrote (source key, Message-ID) fails there with a unique violation,
/// and the batch runs again.
/// </summary>
internal sealed class BatchWrites(NpgsqlConnection db, BatchTicketNumbers numbers, BatchTickets tickets)
{
    private readonly List<NpgsqlBatchCommand> _queued = [];
    private IReadOnlyList<NpgsqlBatchCommand> _blobs = [];

    /// <summary>The inserts of the batch's pending blobs (<see cref="PendingBlobWrite"/>), written first.</summary>
    public void AddBlobs(IReadOnlyList<NpgsqlBatchCommand> inserts) => _blobs = inserts;

    public void Add(string sql, params (string Name, object? Value)[] parameters) => _queued.Add(Sql.BatchCommand(sql, parameters));

    public void Add(NpgsqlBatchCommand command) => _queued.Add(command);

    /// <summary>
    /// Writes everything queued so far; also before a query that must see the batch's own rows. With
    /// <paramref name="commit"/> the transaction's COMMIT follows in the same round trip: the server runs it only when
    /// every row before it was written (after a failed one it skips the rest, and the caller's transaction rolls back),
    /// and answers it once the commit is on disk (<see cref="Sql.SynchronousCommitOn"/>).
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken, bool commit = false)
    {
        List<NpgsqlBatchCommand> commands = [.. _blobs, .. numbers.TakeWrites(), .. tickets.TakeWrites(), .. _queued];
        if (commit)
        {
            commands.Add(new NpgsqlBatchCommand("COMMIT"));
        }

        _blobs = [];
        _queued.Clear();
        await Sql.ExecuteBatchAsync(db, commands, cancellationToken).ConfigureAwait(false);
    }
}
