namespace ContactCenter.Core.Storage.Backup;

/// <summary>
/// What the last <c>store backup</c> left for <c>status</c> and <c>/metrics</c>: when it ran, whether the copy was
/// complete, and when the last complete one was (kept from earlier runs when this one was not), so an alert can fire
/// when backups stop succeeding.
/// </summary>
public sealed record BackupRecord(DateTimeOffset LastRunAt, bool LastRunComplete, DateTimeOffset? LastCompleteAt, string Folder, int Problems);
