using System.Globalization;
using Quartz;

namespace ContactCenter.Workers.Scheduling;

/// <summary>
/// A channel's run of failures as its Quartz job keeps it (persisted after each execution): with a clustered job store
/// every node polling the channel reads the same count, backoff and first failure, so a mail server refusing logins is
/// asked at the doubling pace once, not once per node, and every node's /health says how long the channel has been
/// failing. Absent until the channel first fails.
/// </summary>
internal readonly record struct ChannelFailureState(int Failures, DateTimeOffset? BackoffUntil, DateTimeOffset? FailingSince)
{
    private const string FailuresKey = "failures";
    private const string BackoffUntilKey = "backoffUntil";
    private const string FailingSinceKey = "failingSince";

    public static ChannelFailureState? Read(JobDataMap data) =>
        data.TryGetString(FailuresKey, out var failures) && int.TryParse(failures, CultureInfo.InvariantCulture, out var count)
            ? new ChannelFailureState(count, Instant(data, BackoffUntilKey), Instant(data, FailingSinceKey))
            : null;

    /// <summary>Strings only: a clustered store keeps the map as properties, which hold strings.</summary>
    public void WriteTo(JobDataMap data)
    {
        data[FailuresKey] = Failures.ToString(CultureInfo.InvariantCulture);
        data[BackoffUntilKey] = BackoffUntil?.ToString("O", CultureInfo.InvariantCulture) ?? "";
        data[FailingSinceKey] = FailingSince?.ToString("O", CultureInfo.InvariantCulture) ?? "";
    }

    private static DateTimeOffset? Instant(JobDataMap data, string key) =>
        data.TryGetString(key, out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at : null;
}
