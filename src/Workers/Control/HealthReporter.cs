using ContactCenter.Workers.Scheduling;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Control;

/// <summary>
/// Judges the service's health from the channels' poll history: a channel failing now is tolerated (servers restart,
/// backoff retries) until it has kept failing for longer than <see cref="ControlOptions.ChannelUnhealthyAfter"/>.
/// </summary>
internal sealed class HealthReporter(
    ChannelCatalog catalog, ChannelStatusRegistry registry, IOptions<ControlOptions> options, TimeProvider time,
    ContactCenter.Channels.OAuth.OAuth2TokenRegistry? tokens = null, StoreHealthMonitor? storeMonitor = null)
{
    public HealthReport Build()
    {
        var now = time.GetUtcNow();
        var limit = options.Value.ChannelUnhealthyAfter;
        var channels = catalog.Channels.Select(c => Judge(registry.Get(c.Name), now, limit) with { OAuth2 = tokens?.StatusOf(c.Name) }).ToList();
        var store = storeMonitor?.Current;
        var healthy = channels.All(c => c.Status == HealthReport.Healthy) && store?.Status != HealthReport.Unhealthy;
        return new HealthReport(healthy ? HealthReport.Healthy : HealthReport.Unhealthy, now, limit, channels)
        {
            SmtpOAuth2 = tokens?.StatusOf(ContactCenter.Channels.Acknowledgement.SmtpOptions.OAuth2Name),
            Store = store,
        };
    }

    private static ChannelHealth Judge(ChannelStatus status, DateTimeOffset now, TimeSpan limit)
    {
        var unhealthy = status.FailingSince is { } since && now - since > limit;
        return new ChannelHealth(
            status.Channel,
            unhealthy ? HealthReport.Unhealthy : HealthReport.Healthy,
            status.LastSuccessAt,
            status.LastErrorAt,
            status.LastError,
            status.FailingSince,
            status.ConsecutiveFailures);
    }
}
