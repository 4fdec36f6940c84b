using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Sla;

/// <summary>How long a level (and optionally a channel) has to answer.</summary>
public sealed class SlaPolicy
{
    public ServiceLevel Level { get; set; } = ServiceLevel.First;

    /// <summary>Null: every channel without a policy of its own.</summary>
    public ChannelKind? Channel { get; set; }

    /// <summary>0 is the same day: by closing time of the day the clock starts (a phone call's rule).</summary>
    public int Days { get; set; } = 7;
    public DayKind DayKind { get; set; } = DayKind.CalendarDays;

    /// <summary>The service charter: first level 7 days, second level 40 days, calendar days.</summary>
    public static SlaPolicy Charter(ServiceLevel level) =>
        new() { Level = level, Days = level == ServiceLevel.Second ? 40 : 7, DayKind = DayKind.CalendarDays };

    public override string ToString() =>
        $"{Level}{(Channel is { } c ? "/" + c : "")}: " + (Days == 0 ? "same day" : $"{Days} {(DayKind == DayKind.CalendarDays ? "calendar" : "working")} days");
}
