using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;

namespace ContactCenter.Stores.PostgreSql;

internal sealed partial class PostgreSqlTicketStore
{
    /// <summary>
    /// Idempotent by source key (also across nodes): a second call returns the first record. Also writes the
    /// <c>sources</c> row, so the item counts as known; dispatching the same key later (a retry) resolves the record.
    /// Its pending original is written with it (a record must never name bytes a crash could lose).
    /// </summary>
    public async Task<QuarantineRecord> QuarantineAsync(QuarantineRecord record, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> madeDurable = [];
        var stored = await WriteAsync(async db =>
        {
            var blobs = await PendingBlobWrite.ForAsync(_pendingBlobs, [record.Original], cancellationToken).ConfigureAwait(false);
            madeDurable = await blobs.ApplyAsync(db, cancellationToken).ConfigureAwait(false);
            var existing = await Sql.ListAsync(db, $"SELECT {PostgreSqlQuarantine.Columns} FROM quarantine WHERE source_key = @k",
                PostgreSqlQuarantine.Read, cancellationToken, ("k", record.SourceKey)).ConfigureAwait(false);
            if (existing.Count == 1)
            {
                return existing[0];
            }

            if (record.At == default)
            {
                record.At = _time.GetUtcNow();
            }

            var id = await Sql.ScalarAsync(db, "INSERT INTO quarantine (source_key, status, doc) VALUES (@k, @status, @doc) RETURNING id", cancellationToken,
                ("k", record.SourceKey), ("status", record.Status.ToString()), ("doc", StoreJson.Serialize(record))).ConfigureAwait(false);
            record.Id = checked((int)(long)id!);
            await Sql.ExecuteAsync(db, "INSERT INTO sources (key, outcome, at) VALUES (@k, @o, @at) ON CONFLICT (key) DO NOTHING", cancellationToken,
                ("k", record.SourceKey), ("o", nameof(SourceOutcome.Quarantined)), ("at", record.At)).ConfigureAwait(false);
            PostgreSqlStoreLog.Quarantined(_logger, record.SourceKey, record.Reason);
            return record;
        }, cancellationToken).ConfigureAwait(false);
        _pendingBlobs?.Durable(madeDurable);
        return stored;
    }

    public async Task<IReadOnlyList<QuarantineRecord>> ListQuarantineAsync(bool includeResolved, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var where = includeResolved ? "" : " WHERE status = 'Pending'";
        return await Sql.ListAsync(db, $"SELECT {PostgreSqlQuarantine.Columns} FROM quarantine{where} ORDER BY id", PostgreSqlQuarantine.Read, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<QuarantineRecord?> GetQuarantineAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await Sql.ListAsync(db, $"SELECT {PostgreSqlQuarantine.Columns} FROM quarantine WHERE id = @id", PostgreSqlQuarantine.Read, cancellationToken,
            ("id", (long)id)).ConfigureAwait(false)).FirstOrDefault();
    }

    public Task<bool> UpdateQuarantineAsync(QuarantineRecord record, QuarantineStatus expected, CancellationToken cancellationToken) =>
        WriteAsync(db => StatusRows.UpdateAsync(db, "quarantine", record.Id, record.Status.ToString(), StoreJson.Serialize(record), expected.ToString(),
            cancellationToken), cancellationToken);

    public async Task<ServiceMode> GetModeAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ScalarAsync(db, "SELECT value FROM settings WHERE key = 'mode'", cancellationToken).ConfigureAwait(false) is string value
            && Enum.TryParse<ServiceMode>(value, out var mode) ? mode : ServiceMode.Ordinary;
    }

    public Task SetModeAsync(ServiceMode mode, string actor, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            await Sql.ExecuteAsync(db,
                """
                INSERT INTO settings (key, value, actor, at) VALUES ('mode', @v, @actor, @at)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, actor = excluded.actor, at = excluded.at
                """, cancellationToken, ("v", mode.ToString()), ("actor", actor), ("at", _time.GetUtcNow())).ConfigureAwait(false);
            PostgreSqlStoreLog.ModeChanged(_logger, mode, actor);
        }, cancellationToken);

    /// <summary>Automatic mail recorded without a ticket, oldest first.</summary>
    internal async Task<IReadOnlyList<AutoMailRecord>> ListAutoMailAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ListAsync(db, "SELECT id, doc::text FROM auto_mail ORDER BY id", r =>
        {
            var record = StoreJson.Deserialize<AutoMailRecord>(r.GetString(1));
            record.Id = checked((int)r.GetInt64(0));
            return record;
        }, cancellationToken).ConfigureAwait(false);
    }
}
