using ContactCenter.Core.Sla;
using System.Collections.Concurrent;
using ContactCenter.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Scheduling;

/// <summary>Last success, last error, consecutive failures and the backoff window of every channel.</summary>
public sealed class ChannelStatusRegistry(TimeProvider time, IOptions<PipelineOptions> options, BusinessCalendar? calendar = null)
{
    /// <summary>The service's day, as every other count's (<c>Sla:TimeZone</c>), not the host's: a UTC container's day ended an hour or two late.</summary>
    private readonly TimeZoneInfo zone = calendar?.Zone ?? time.LocalTimeZone;

    private readonly ConcurrentDictionary<string, ChannelStatus> statuses = new(StringComparer.OrdinalIgnoreCase);

    public ChannelStatus Get(string channel) => statuses.GetValueOrDefault(channel) ?? new ChannelStatus(channel);

    /// <summary>The status's items settled on today's local date: none when its count is of an earlier day.</summary>
    public int ItemsToday(ChannelStatus status) => status.ItemsDay == Today(time.GetUtcNow()) ? status.ItemsToday : 0;

    public bool IsBackingOff(string channel, out DateTimeOffset until)
    {
        until = Get(channel).BackoffUntil ?? DateTimeOffset.MinValue;
        return until > time.GetUtcNow();
    }

    /// <summary>The run of failures the channel's job carries: on a cluster, the other nodes' failures count here too.</summary>
    internal void Adopt(string channel, ChannelFailureState shared) =>
        statuses.AddOrUpdate(channel, c => Adopted(new ChannelStatus(c), shared), (_, s) => Adopted(s, shared));

    public void RecordSuccess(string channel, PollSummary summary)
    {
        var now = time.GetUtcNow();
        statuses.AddOrUpdate(channel, c => Success(new ChannelStatus(c), summary, now), (_, s) => Success(s, summary, now));
    }

    /// <summary>Records a failed poll and returns how long the channel now pauses.</summary>
    public TimeSpan RecordFailure(string channel, string error, PollSummary? partial)
    {
        var now = time.GetUtcNow();
        var status = statuses.AddOrUpdate(channel, c => Failure(new ChannelStatus(c), error, partial, now), (_, s) => Failure(s, error, partial, now));
        return status.BackoffUntil!.Value - now;
    }

    private static ChannelStatus Adopted(ChannelStatus status, ChannelFailureState shared) => status with
    {
        ConsecutiveFailures = shared.Failures,
        BackoffUntil = shared.BackoffUntil,
        FailingSince = shared.Failures == 0 ? null : shared.FailingSince ?? status.FailingSince,
    };

    private ChannelStatus Success(ChannelStatus status, PollSummary summary, DateTimeOffset now) => Count(status, summary, now) with
    {
        LastSuccessAt = now,
        ConsecutiveFailures = 0,
        FailingSince = null,
        BackoffUntil = null,
    };

    private ChannelStatus Failure(ChannelStatus status, string error, PollSummary? partial, DateTimeOffset now)
    {
        var failures = status.ConsecutiveFailures + 1;
        var backoff = Backoff(failures);
        return Count(status, partial, now) with
        {
            LastErrorAt = now,
            LastError = error,
            ConsecutiveFailures = failures,
            FailingSince = status.FailingSince ?? now,
            BackoffUntil = now + backoff,
        };
    }

    private TimeSpan Backoff(int failures)
    {
        var first = options.Value.FailureBackoff;
        var cap = options.Value.MaxFailureBackoff;
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, cap.Ticks));
    }

    private ChannelStatus Count(ChannelStatus status, PollSummary? summary, DateTimeOffset now)
    {
        var today = Today(now);
        var items = status.ItemsDay == today ? status.ItemsToday : 0;
        return status with { ItemsDay = today, ItemsToday = items + (summary?.Settled ?? 0) };
    }

    private DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
}
