using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.Backup;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Control;

/// <summary>
/// Judges the backups from <c>last-backup.json</c> at each look (a file of 200 bytes, no store read): a backup timer that
/// stopped, or a backup that keeps finding files missing, must reach the monitor that watches <c>/health</c>, not only
/// the journal of a unit nobody reads. No record, no judgement: the store may be backed up otherwise (PostgreSQL's own
/// tools), and a service installed without <c>--backup-to</c> is not degraded for it.
/// </summary>
internal sealed class BackupWatch(IOptions<StoreOptions> store, IOptions<ControlOptions> options, TimeProvider time)
{
    private const string Key = $"{ControlOptions.SectionName}:{nameof(ControlOptions.BackupMaxAge)}";

    public BackupHealth? Judge()
    {
        if (BackupRecordFile.Read(BackupRecordFile.PathFor(store.Value)) is not { } record)
        {
            return null;
        }

        var limit = options.Value.BackupMaxAge;
        var now = time.GetUtcNow();
        var reason = record switch
        {
            { LastCompleteAt: null } => $"no complete backup yet; the last run at {record.LastRunAt:O} found {record.Problems} problem(s) (contactcenter store backup)",
            { LastCompleteAt: { } at } when now - at > limit =>
                $"the last complete backup is from {at:O}, older than {Key} ({limit}){(record.LastRunComplete ? "" : $"; the last run at {record.LastRunAt:O} found {record.Problems} problem(s)")}",
            { LastRunComplete: false } => $"the last run at {record.LastRunAt:O} found {record.Problems} problem(s) (contactcenter store backup)",
            _ => null,
        };
        return new BackupHealth(record.LastRunAt, record.LastRunComplete, record.LastCompleteAt, record.Folder,
            reason is null ? null : $"backup to {record.Folder}: {reason}");
    }
}
