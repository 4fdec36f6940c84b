using System.Globalization;
using Quartz;

namespace ContactCenter.Workers.Scheduling;

/// <summary>
/// A channel's run of failures as its Quartz job keeps it (persisted after each execution): with a clustered job store
/// every node polling the channel reads the same count and backoff, so a mail server refusing logins is asked at the
/// doubling pace once, not once per node. Absent until the channel first fails.
/// </summary>
internal readonly record struct ChannelFailureState(int Failures, DateTimeOffset? BackoffUntil)
{
    private const string FailuresKey = "failures";
    private const string BackoffUntilKey = "backoffUntil";

    public static ChannelFailureState? Read(JobDataMap data) =>
        data.TryGetString(FailuresKey, out var failures) && int.TryParse(failures, CultureInfo.InvariantCulture, out var count)
            ? new ChannelFailureState(count,
                data.TryGetString(BackoffUntilKey, out var until) && DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                    ? at : null)
            : null;

    /// <summary>Strings only: a clustered store keeps the map as properties, which hold strings.</summary>
    public void WriteTo(JobDataMap data)
    {
        data[FailuresKey] = Failures.ToString(CultureInfo.InvariantCulture);
        data[BackoffUntilKey] = BackoffUntil?.ToString("O", CultureInfo.InvariantCulture) ?? "";
    }
}
