using ContactCenter.Core.Receipts;

namespace ContactCenter.Workers.Webhooks;

/// <summary>
/// <c>ContactCenter:Webhooks</c>: where created and updated tickets are pushed (<see cref="Endpoints"/>, by name) and
/// how the outbox of webhook deliveries is worked off.
/// </summary>
internal sealed class WebhookOptions
{
    public const string SectionName = "ContactCenter:Webhooks";

    public Dictionary<string, WebhookEndpointOptions> Endpoints { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How often the outbox is looked at; each row has its own next attempt time.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one POST may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Rows taken per webhook and run: one webhook's backlog does not take another's places.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>The wait after a failed attempt doubles from <c>Initial</c> up to <c>Max</c>.</summary>
    public RetryBackoffOptions RetryBackoff { get; set; } = new() { Initial = TimeSpan.FromSeconds(10), Max = TimeSpan.FromHours(1) };

    /// <summary>After this many failed attempts a delivery is abandoned (about eight days with the default backoff).</summary>
    public int MaxAttempts { get; set; } = 200;
}
