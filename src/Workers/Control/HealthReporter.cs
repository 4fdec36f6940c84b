using ContactCenter.Workers.Cli.Channels;
using ContactCenter.Workers.Scheduling;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Control;

/// <summary>
/// Judges the service's health from the channels' poll history: a channel whose last poll failed is Degraded at once
/// (a monitor sees the outage and its reason from the first failure, still with 200: servers restart, backoff retries),
/// and Unhealthy (503) once it has kept failing for longer than <see cref="ControlOptions.ChannelUnhealthyAfter"/>.
/// A folder the service needs (a file channel's, the store's archive) that is missing or not writable makes it
/// Unhealthy at once, naming the key: the same checks as <c>channels check</c>. A store folder with less free space than
/// <see cref="ControlOptions.MinFreeDiskBytes"/> makes it Degraded: still working, but not for long; so do backups that
/// stopped or found problems (<see cref="BackupWatch"/>), and an IMAP mailbox fuller than
/// <see cref="ControlOptions.MailboxQuotaWarningPercent"/> of its quota: ingest works, but the provider is about to
/// refuse the citizens' mail.
/// </summary>
internal sealed class HealthReporter(
    ChannelCatalog catalog, ChannelStatusRegistry registry, IOptions<ControlOptions> options, TimeProvider time,
    ContactCenter.Channels.OAuth.OAuth2TokenRegistry? tokens = null, StoreHealthMonitor? storeMonitor = null,
    ServiceFolders? folders = null, DiskSpace? disk = null, BackupWatch? backups = null,
    ContactCenter.Channels.Email.MailboxQuotaRegistry? quotas = null)
{
    public HealthReport Build()
    {
        var now = time.GetUtcNow();
        var limit = options.Value.ChannelUnhealthyAfter;
        var folderProblems = folders?.Channels().Where(f => !f.Result.Passed).ToLookup(f => f.Channel, f => f.Result.Message);
        var quotaLimit = options.Value.MailboxQuotaWarningPercent / 100.0;
        var channels = catalog.Channels.Select(c => WithQuota(
            WithFolders(Judge(registry.Get(c.Name), now, limit), folderProblems?[c.Name].ToList() ?? []) with { OAuth2 = tokens?.StatusOf(c.Name) },
            quotas?.Of(c.Name), quotaLimit)).ToList();
        var storeFolders = folders?.Store().Where(r => !r.Passed).Select(r => $"{r.Subject}: {r.Message}").ToList() ?? [];
        var store = storeMonitor?.Current;
        var lowDisk = disk?.Shortages(options.Value.MinFreeDiskBytes).ToList() ?? [];
        var backup = backups?.Judge();
        var overall = channels.Any(c => c.Status == HealthReport.Unhealthy) || store?.Status == HealthReport.Unhealthy || storeFolders.Count > 0
            ? HealthReport.Unhealthy
            : channels.Any(c => c.Status == HealthReport.Degraded) || lowDisk.Count > 0 || backup?.Reason is not null ? HealthReport.Degraded
            : HealthReport.Healthy;
        var failing = storeFolders.Concat(lowDisk).Concat(backup?.Reason is { } stale ? [stale] : [])
            .Concat(channels.Where(c => c.Folders.Count > 0).SelectMany(c => c.Folders.Select(f => $"{c.Channel}: {f}")))
            .Concat(channels.Where(c => IsNearlyFull(c.MailboxQuota, quotaLimit))
                .Select(c => $"{c.Channel}: mailbox {c.MailboxQuota!.Describe()}; the server refuses new mail once it is full"))
            .Concat(channels.Where(c => c.FailingSince is not null)
                .Select(c => $"{c.Channel}: {c.Status.ToLowerInvariant()}, {c.ConsecutiveFailures} failed poll(s) since {c.FailingSince:O}: {c.LastError}"))
            .ToList();
        if (store?.Status == HealthReport.Unhealthy)
        {
            failing.Insert(0, $"store: {store.LastError}");
        }

        return new HealthReport(overall, now, limit, channels, failing.Count == 0 ? null : string.Join("; ", failing))
        {
            Version = Hosting.ServiceVersion.Current,
            SmtpOAuth2 = tokens?.StatusOf(ContactCenter.Channels.Acknowledgement.SmtpOptions.OAuth2Name),
            Store = store,
            LowDiskSpace = lowDisk,
            Backup = backup,
        };
    }

    /// <summary>A mailbox nearly full degrades its channel: ingest still works, but citizens' mail is about to bounce.</summary>
    private static ChannelHealth WithQuota(ChannelHealth health, ContactCenter.Channels.Email.MailboxQuota? quota, double limit) =>
        health with
        {
            MailboxQuota = quota,
            Status = IsNearlyFull(quota, limit) && health.Status == HealthReport.Healthy ? HealthReport.Degraded : health.Status,
        };

    private static bool IsNearlyFull(ContactCenter.Channels.Email.MailboxQuota? quota, double limit) =>
        limit > 0 && quota?.UsedFraction >= limit;

    private static ChannelHealth WithFolders(ChannelHealth health, List<string> problems) =>
        problems.Count == 0 ? health : health with { Status = HealthReport.Unhealthy, Folders = problems };

    private static ChannelHealth Judge(ChannelStatus status, DateTimeOffset now, TimeSpan limit)
    {
        var state = status.FailingSince switch
        {
            null => HealthReport.Healthy,
            { } since when now - since > limit => HealthReport.Unhealthy,
            _ => HealthReport.Degraded,
        };
        return new ChannelHealth(
            status.Channel,
            state,
            status.LastSuccessAt,
            status.LastErrorAt,
            status.LastError,
            status.FailingSince,
            status.ConsecutiveFailures);
    }
}
