using System.Diagnostics.Metrics;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Storage;

namespace ContactCenter.Workers.Webhooks;

/// <summary>
/// Webhook counters and gauges on the service's meter, tagged by webhook name. The gauges report the outbox as the
/// last delivery run read it, so a scrape never waits for the store.
/// </summary>
internal sealed class WebhookMetrics
{
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _abandoned;
    private readonly TimeProvider _time;
    private IReadOnlyList<WebhookQueueSummary> _latest = [];

    public WebhookMetrics(IMeterFactory meters, TimeProvider time)
    {
        _time = time;
        var meter = meters.Create(IngestMetrics.MeterName);
        _delivered = meter.CreateCounter<long>("contactcenter.webhooks.delivered", "{event}", "Webhook events the receiver accepted (2xx).");
        _failures = meter.CreateCounter<long>("contactcenter.webhooks.failures", "{attempt}", "Webhook attempts that failed (no answer, non-2xx).");
        _abandoned = meter.CreateCounter<long>("contactcenter.webhooks.abandoned", "{event}", "Webhook events given up after MaxAttempts.");
        meter.CreateObservableGauge("contactcenter.webhooks.pending", () => Volatile.Read(ref _latest)
            .Select(s => new Measurement<int>(s.Pending, Tag(s.Webhook))), "{event}", "Webhook events not yet delivered.");
        meter.CreateObservableGauge("contactcenter.webhooks.oldest.age", () => Volatile.Read(ref _latest)
            .Select(s => new Measurement<double>(s.OldestPendingAt is { } at ? Math.Max(0, (_time.GetUtcNow() - at).TotalSeconds) : 0, Tag(s.Webhook))),
            "s", "Age of the oldest webhook event not yet delivered.");
    }

    public void Report(IReadOnlyList<WebhookQueueSummary> summary) => Volatile.Write(ref _latest, summary);

    public void Delivered(string webhook) => _delivered.Add(1, Tag(webhook));

    public void Failed(string webhook) => _failures.Add(1, Tag(webhook));

    public void Abandoned(string webhook) => _abandoned.Add(1, Tag(webhook));

    private static KeyValuePair<string, object?> Tag(string webhook) => new("webhook", webhook);
}
