using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Sla;

/// <summary>
/// Sets the answer clock on the business calendar.
/// <para>Ordinary mode: the clock starts at arrival when the service is open, else at the next opening
/// (Friday 19:00 -> Monday 09:00). "N days" means by closing time (18:00 local) of the N-th day after the day the
/// clock started: with calendar days that is start date + N, moved to the next working day when it is closed;
/// with working days it is the N-th working day after the start date.</para>
/// <para>Emergency mode: the service runs 24/7, so the clock starts at arrival and the answer is due at the same
/// local time of day N days later (N working days later for a working-days policy).</para>
/// <para>A policy of 0 days is the same day: by closing time of the day the clock starts (a call after closing time
/// is due at the next working day's closing), and in emergency mode by midnight of the arrival day.</para>
/// </summary>
public sealed class DueDatePlanner(BusinessCalendar calendar, IOptions<SlaOptions> options, ILogger<DueDatePlanner> logger)
    : IDueDatePlanner
{
    private readonly SlaOptions _options = options.Value;

    public SlaPlan Plan(ServiceLevel level, ChannelKind channel, DateTimeOffset receivedAt, ServiceMode mode)
    {
        var policy = PolicyFor(level, channel, mode);
        var plan = mode == ServiceMode.Emergency ? PlanEmergency(policy, receivedAt) : PlanOrdinary(policy, receivedAt);
        SlaLog.Planned(logger, level.ToString(), channel.ToString(), receivedAt, mode.ToString(), plan.ClockStartedAt,
            plan.DueAt, policy.ToString());
        return plan;
    }

    /// <summary>Emergency policies first (in emergency mode), then ordinary ones; channel-specific before level-only.</summary>
    public SlaPolicy PolicyFor(ServiceLevel level, ChannelKind channel, ServiceMode mode)
    {
        IEnumerable<List<SlaPolicy>> lists = mode == ServiceMode.Emergency
            ? [_options.EmergencyPolicies, _options.Policies]
            : [_options.Policies];
        foreach (var list in lists)
        {
            var policy = list.FirstOrDefault(p => p.Level == level && p.Channel == channel)
                         ?? list.FirstOrDefault(p => p.Level == level && p.Channel is null);
            if (policy is not null)
            {
                return policy;
            }
        }

        return SlaPolicy.Charter(level);
    }

    private SlaPlan PlanOrdinary(SlaPolicy policy, DateTimeOffset receivedAt)
    {
        var start = calendar.IsOpen(receivedAt) ? receivedAt : calendar.NextOpening(receivedAt);
        var startDate = calendar.LocalDate(start);
        var dueDate = policy.DayKind == DayKind.WorkingDays
            ? calendar.AddWorkingDays(startDate, policy.Days)
            : calendar.WorkingDayOnOrAfter(startDate.AddDays(policy.Days));
        return new SlaPlan(start, calendar.ClosingOn(dueDate));
    }

    private SlaPlan PlanEmergency(SlaPolicy policy, DateTimeOffset receivedAt)
    {
        var local = calendar.ToLocal(receivedAt);
        var startDate = DateOnly.FromDateTime(local.DateTime);
        if (policy.Days == 0)
        {
            return new SlaPlan(receivedAt, ZonedTime.ToInstant(startDate.AddDays(1), TimeOnly.MinValue, calendar.Zone));
        }

        var dueDate = policy.DayKind == DayKind.WorkingDays
            ? calendar.AddWorkingDays(startDate, policy.Days)
            : startDate.AddDays(policy.Days);
        return new SlaPlan(receivedAt, ZonedTime.ToInstant(dueDate, TimeOnly.FromDateTime(local.DateTime), calendar.Zone));
    }
}
