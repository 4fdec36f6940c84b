using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

internal sealed partial class LiteDbTicketStore
{
    public Task<SpamRecord> HoldSpamAsync(SpamRecord record, CancellationToken cancellationToken) =>
        RunAsync(() => Durably(() =>
        {
            DirectorySync.FlushFileSystem(_archiveRoot); // the original was archived without a flush
            var existing = _c.Spam.FindOne(Query.EQ(nameof(SpamRecord.SourceKey), record.SourceKey));
            if (existing is not null)
            {
                return existing;
            }

            if (record.At == default)
            {
                record.At = _time.GetUtcNow();
            }

            record.Id = 0;
            _c.Spam.Insert(record);
            if (_c.Sources.FindById(record.SourceKey) is null)
            {
                _c.Sources.Insert(new SourceRecord { Key = record.SourceKey, Outcome = SourceOutcome.Spam, At = record.At });
            }

            StoreLog.SpamHeld(_logger, record.SourceKey, record.Score);
            return record;
        }), cancellationToken);

    public Task<IReadOnlyList<SpamRecord>> ListSpamAsync(bool includeResolved, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<SpamRecord>>(() => includeResolved
            ? [.. _c.Spam.FindAll().OrderBy(r => r.Id)]
            : [.. _c.Spam.Find(Query.EQ(nameof(SpamRecord.Status), nameof(SpamStatus.Held))).OrderBy(r => r.Id)],
            cancellationToken);

    public Task<SpamRecord?> GetSpamAsync(int id, CancellationToken cancellationToken) =>
        RunAsync(() => (SpamRecord?)_c.Spam.FindById(id), cancellationToken);

    // Read and written in one transaction under the store's gate, so no other action changes the status in between.
    public Task<bool> UpdateSpamAsync(SpamRecord record, SpamStatus expected, CancellationToken cancellationToken) =>
        RunAsync(() => Durably(() =>
        {
            var stored = _c.Spam.FindById(record.Id) ?? throw new KeyNotFoundException($"No spam record {record.Id}.");
            return stored.Status == expected && _c.Spam.Update(record);
        }), cancellationToken);
}
