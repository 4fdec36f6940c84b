using ContactCenter.Workers.Scheduling;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Control;

/// <summary>
/// Judges the service's health from the channels' poll history: a channel whose last poll failed is Degraded at once
/// (a monitor sees the outage and its reason from the first failure, still with 200: servers restart, backoff retries),
/// and Unhealthy (503) once it has kept failing for longer than <see cref="ControlOptions.ChannelUnhealthyAfter"/>.
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
        var overall = channels.Any(c => c.Status == HealthReport.Unhealthy) || store?.Status == HealthReport.Unhealthy ? HealthReport.Unhealthy
            : channels.Any(c => c.Status == HealthReport.Degraded) ? HealthReport.Degraded
            : HealthReport.Healthy;
        var failing = channels.Where(c => c.Status != HealthReport.Healthy)
            .Select(c => $"{c.Channel}: {c.Status.ToLowerInvariant()}, {c.ConsecutiveFailures} failed poll(s) since {c.FailingSince:O}: {c.LastError}")
            .ToList();
        if (store?.Status == HealthReport.Unhealthy)
        {
            failing.Insert(0, $"store: {store.LastError}");
        }

        return new HealthReport(overall, now, limit, channels, failing.Count == 0 ? null : string.Join("; ", failing))
        {
            SmtpOAuth2 = tokens?.StatusOf(ContactCenter.Channels.Acknowledgement.SmtpOptions.OAuth2Name),
            Store = store,
        };
    }

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
