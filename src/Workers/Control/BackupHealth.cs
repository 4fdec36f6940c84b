namespace ContactCenter.Workers.Control;

/// <summary>
/// The store backups in <c>/health</c>, from the record <c>store backup</c> leaves: Degraded when the last complete
/// backup is older than <see cref="ControlOptions.BackupMaxAge"/> or the last run found problems, with the reason.
/// </summary>
internal sealed record BackupHealth(DateTimeOffset LastRunAt, bool LastRunComplete, DateTimeOffset? LastCompleteAt, string Folder, string? Reason)
{
    public string Status => Reason is null ? HealthReport.Healthy : HealthReport.Degraded;
}
