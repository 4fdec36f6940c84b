using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

internal sealed partial class PostgreSqlTicketStore
{
    private const string SpamColumns = "id, doc::text";

    /// <summary>Idempotent by source key (also across nodes): a second call returns the first record. Its pending original is written with it.</summary>
    public async Task<SpamRecord> HoldSpamAsync(SpamRecord record, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> madeDurable = [];
        var held = await WriteAsync(async db =>
        {
            var blobs = await PendingBlobWrite.ForAsync(_pendingBlobs, [record.Original], cancellationToken).ConfigureAwait(false);
            madeDurable = await blobs.ApplyAsync(db, cancellationToken).ConfigureAwait(false);
            var existing = await Sql.ListAsync(db, $"SELECT {SpamColumns} FROM spam WHERE source_key = @k", ReadSpam, cancellationToken,
                ("k", record.SourceKey)).ConfigureAwait(false);
            if (existing.Count == 1)
            {
                return existing[0];
            }

            if (record.At == default)
            {
                record.At = _time.GetUtcNow();
            }

            var id = await Sql.ScalarAsync(db, "INSERT INTO spam (source_key, status, at, doc) VALUES (@k, @status, @at, @doc) RETURNING id", cancellationToken,
                ("k", record.SourceKey), ("status", record.Status.ToString()), ("at", record.At), ("doc", StoreJson.Serialize(record))).ConfigureAwait(false);
            record.Id = checked((int)(long)id!);
            await Sql.ExecuteAsync(db, "INSERT INTO sources (key, outcome, at) VALUES (@k, @o, @at) ON CONFLICT (key) DO NOTHING", cancellationToken,
                ("k", record.SourceKey), ("o", nameof(SourceOutcome.Spam)), ("at", record.At)).ConfigureAwait(false);
            PostgreSqlStoreLog.SpamHeld(_logger, record.SourceKey, record.Score);
            return record;
        }, cancellationToken).ConfigureAwait(false);
        _pendingBlobs?.Durable(madeDurable);
        return held;
    }

    public async Task<IReadOnlyList<SpamRecord>> ListSpamAsync(bool includeResolved, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var where = includeResolved ? "" : " WHERE status = 'Held'";
        return await Sql.ListAsync(db, $"SELECT {SpamColumns} FROM spam{where} ORDER BY id", ReadSpam, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SpamRecord?> GetSpamAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await Sql.ListAsync(db, $"SELECT {SpamColumns} FROM spam WHERE id = @id", ReadSpam, cancellationToken, ("id", (long)id))
            .ConfigureAwait(false)).FirstOrDefault();
    }

    public Task<bool> UpdateSpamAsync(SpamRecord record, SpamStatus expected, CancellationToken cancellationToken) =>
        WriteAsync(db => StatusRows.UpdateAsync(db, "spam", record.Id, record.Status.ToString(), StoreJson.Serialize(record), expected.ToString(),
            cancellationToken), cancellationToken);

    private static SpamRecord ReadSpam(NpgsqlDataReader reader) => StoreJson.ReadWithId<SpamRecord>(reader, (record, id) => record.Id = id);
}
