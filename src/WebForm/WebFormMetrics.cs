using System.Diagnostics.Metrics;
using ContactCenter.Core.Diagnostics;

namespace ContactCenter.WebForm;

/// <summary>
/// The form's counters on the service's meter (exported by the control endpoint's <c>/metrics</c>): submissions by
/// result, refusals by reason (csrf, honeypot, too_fast, expired, rate_limit, too_large, invalid, ...), look-ups.
/// </summary>
internal sealed class WebFormMetrics
{
    private readonly Counter<long> submissions;
    private readonly Counter<long> rejected;
    private readonly Counter<long> lookups;

    public WebFormMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(IngestMetrics.MeterName);
        submissions = meter.CreateCounter<long>("contactcenter.webform.submissions", "{submission}", "Form submissions that reached the store, by result.");
        rejected = meter.CreateCounter<long>("contactcenter.webform.rejected", "{request}", "Form requests refused before the store, by reason.");
        lookups = meter.CreateCounter<long>("contactcenter.webform.tracking.lookups", "{request}", "Tracking page look-ups, by result (found, not_found).");
    }

    public void Submitted(string result) => submissions.Add(1, new KeyValuePair<string, object?>("result", result));

    public void Rejected(string reason) => rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Lookup(string result) => lookups.Add(1, new KeyValuePair<string, object?>("result", result));
}
