namespace ContactCenter.Core.Sla;

/// <summary>When the contact center is open: the same hours on each open day, local time.</summary>
public sealed class ServiceHoursOptions
{
    public OpenDays Days { get; set; } = OpenDays.Weekdays;
    public TimeOnly Open { get; set; } = new(9, 0);
    public TimeOnly Close { get; set; } = new(18, 0);
}
