using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

internal sealed partial class LiteDbTicketStore
{
    /// <summary>
    /// Idempotent by source key: a second call returns the first record. Also writes the <c>sources</c> row, so the
    /// item counts as known; dispatching the same key later (a retry) is still allowed and resolves the record.
    /// </summary>
    public Task<QuarantineRecord> QuarantineAsync(QuarantineRecord record, CancellationToken cancellationToken) =>
        RunAsync(() => Durably(() =>
        {
            DirectorySync.FlushFileSystem(_archiveRoot); // the quarantined original was archived without a flush
            var existing = _c.Quarantine.FindOne(StoreQuery.Eq(nameof(QuarantineRecord.SourceKey), record.SourceKey));
            if (existing is not null)
            {
                return existing;
            }

            if (record.At == default)
            {
                record.At = _time.GetUtcNow();
            }

            record.Id = 0;
            _c.Quarantine.Insert(record);
            if (_c.Sources.FindById(record.SourceKey) is null)
            {
                _c.Sources.Insert(new SourceRecord { Key = record.SourceKey, Outcome = SourceOutcome.Quarantined, At = record.At });
            }

            StoreLog.Quarantined(_logger, record.SourceKey, record.Reason);
            return record;
        }), cancellationToken);

    public Task<IReadOnlyList<QuarantineRecord>> ListQuarantineAsync(bool includeResolved, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<QuarantineRecord>>(() => includeResolved
            ? [.. _c.Quarantine.FindAll().OrderBy(r => r.Id)]
            : [.. _c.Quarantine.Find(StoreQuery.Eq(nameof(QuarantineRecord.Status), nameof(QuarantineStatus.Pending))).OrderBy(r => r.Id)],
            cancellationToken);

    public Task<QuarantineRecord?> GetQuarantineAsync(int id, CancellationToken cancellationToken) =>
        RunAsync(() => (QuarantineRecord?)_c.Quarantine.FindById(id), cancellationToken);

    // Read and written in one transaction under the store's gate (dispatch takes it too), so nothing changes in between.
    public Task<bool> UpdateQuarantineAsync(QuarantineRecord record, QuarantineStatus expected, CancellationToken cancellationToken) =>
        RunAsync(() => Durably(() =>
        {
            var stored = _c.Quarantine.FindById(record.Id) ?? throw new KeyNotFoundException($"No quarantine record {record.Id}.");
            return stored.Status == expected && _c.Quarantine.Update(record);
        }), cancellationToken);

    public Task<ServiceMode> GetModeAsync(CancellationToken cancellationToken) =>
        RunAsync(() => _c.Settings.FindById(SettingRecord.ModeKey) is { } row && Enum.TryParse<ServiceMode>(row.Value, out var mode)
            ? mode
            : ServiceMode.Ordinary, cancellationToken);

    public Task SetModeAsync(ServiceMode mode, string actor, CancellationToken cancellationToken) =>
        RunAsync(() => Durably(() =>
        {
            _c.Settings.Upsert(new SettingRecord { Key = SettingRecord.ModeKey, Value = mode.ToString(), Actor = actor, At = _time.GetUtcNow() });
            StoreLog.ModeChanged(_logger, mode, actor);
        }), cancellationToken);

    /// <summary>Automatic mail recorded without a ticket, oldest first (for tests and a future admin view).</summary>
    internal Task<IReadOnlyList<AutoMailRecord>> ListAutoMailAsync(CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<AutoMailRecord>>(() => [.. _c.AutoMail.FindAll().OrderBy(r => r.Id)], cancellationToken);
}
