using ContactCenter.Core.Tickets;
using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// What one write transaction does for the pending blobs it refers to (and those held too long unclaimed, see
/// <see cref="PendingBlobs"/>): inserts the bytes held in memory, in hash order (two writers sharing blobs lock them in
/// the same order), and checks that those written through are still there. Built afresh for each attempt, so a
/// transaction run again writes them again; <see cref="PendingBlobs.Durable"/> only after the commit.
/// </summary>
internal sealed class PendingBlobWrite
{
    public const string InsertSql =
        "INSERT INTO blobs (sha256, size, content) SELECT * FROM unnest(@h::text[], @s::bigint[], @c::bytea[]) ON CONFLICT (sha256) DO NOTHING";

    public static readonly PendingBlobWrite None = new(null, [], [], []);

    private readonly PendingBlobs? _pending;
    private readonly (string Sha256, byte[] Content)[] _held;
    private readonly string[] _checked;
    private readonly HashSet<string> _claimed;

    private PendingBlobWrite(PendingBlobs? pending, (string, byte[])[] held, string[] checkedHashes, HashSet<string> claimed) =>
        (_pending, _held, _checked, _claimed) = (pending, held, checkedHashes, claimed);

    /// <summary>Once the background writes of the blobs it wants are done (see <see cref="PendingBlobs.WantedAsync"/>).</summary>
    public static async Task<PendingBlobWrite> ForAsync(PendingBlobs? pending, IEnumerable<TicketAttachment?> blobs, CancellationToken cancellationToken)
    {
        if (pending is null || pending.Count == 0)
        {
            return None;
        }

        var wanted = await pending.WantedAsync(blobs.Select(b => b?.Sha256).OfType<string>(), cancellationToken).ConfigureAwait(false);
        return new PendingBlobWrite(
            pending,
            wanted.Where(w => w.Content is not null).Select(w => (w.Sha256, w.Content!)).ToArray(),
            wanted.Where(w => w.Content is null).Select(w => w.Sha256).ToArray(),
            wanted.Where(w => w.Claimed).Select(w => w.Sha256).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The most bytes one insert carries: the server builds each statement's arrays whole in memory.</summary>
    internal const int InsertBytes = 8 * 1024 * 1024;

    /// <summary>The inserts of the held bytes (none when there are none), each carrying up to <see cref="InsertBytes"/> (or one blob).</summary>
    public IEnumerable<NpgsqlBatchCommand> Inserts()
    {
        for (var start = 0; start < _held.Length;)
        {
            var end = start + 1;
            for (long bytes = _held[start].Content.Length; end < _held.Length && bytes + _held[end].Content.Length <= InsertBytes; end++)
            {
                bytes += _held[end].Content.Length;
            }

            yield return Insert(_held[start..end]);
            start = end;
        }
    }

    private static NpgsqlBatchCommand Insert((string Sha256, byte[] Content)[] held)
    {
        var command = new NpgsqlBatchCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter("h", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = held.Select(h => h.Sha256).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("s", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = held.Select(h => (long)h.Content.Length).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("c", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = held.Select(h => h.Content).ToArray() });
        return command;
    }

    /// <summary>The query of which written-through blobs are still there (<see cref="ArchivedBlobsCheck.Query"/>), or null when none.</summary>
    public NpgsqlBatchCommand? Check() => _checked.Length == 0 ? null : Sql.BatchCommand(ArchivedBlobsCheck.Query, ("h", _checked));

    /// <summary>
    /// Throws when a written-through blob the transaction refers to is not among those <paramref name="present"/>
    /// (see <see cref="ArchivedBlobsCheck.Require"/>); an unclaimed one gone is only forgotten.
    /// </summary>
    /// <returns>The hashes the transaction makes durable once it commits.</returns>
    public IReadOnlyList<string> Require(IEnumerable<string> present)
    {
        if (_pending is not { } pending)
        {
            return [];
        }

        var found = present.ToHashSet(StringComparer.Ordinal);
        var gone = _checked.Where(h => !found.Contains(h) && !_claimed.Contains(h)).ToList();
        pending.Remove(gone);
        ArchivedBlobsCheck.Require(pending, [.. _checked.Where(_claimed.Contains)], found);
        return [.. _held.Select(h => h.Sha256), .. _checked.Where(found.Contains)];
    }

    /// <summary>For a write of a few statements (a quarantine or spam record): both in their own round trips, when there is anything to do.</summary>
    /// <returns>The hashes the transaction makes durable once it commits.</returns>
    public async Task<IReadOnlyList<string>> ApplyAsync(NpgsqlConnection db, CancellationToken cancellationToken)
    {
        if (_held.Length == 0 && _checked.Length == 0)
        {
            return [];
        }

        var present = _checked.Length == 0
            ? []
            : await Sql.ListAsync(db, ArchivedBlobsCheck.Query, r => r.GetString(0), cancellationToken, ("h", _checked)).ConfigureAwait(false);
        var madeDurable = Require(present);
        await Sql.ExecuteBatchAsync(db, Inserts(), cancellationToken).ConfigureAwait(false);

        return madeDurable;
    }
}
