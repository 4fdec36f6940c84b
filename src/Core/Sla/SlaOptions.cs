namespace ContactCenter.Core.Sla;

/// <summary>
/// The service charter's clock ("ContactCenter:Sla"). Policies are looked up by level and channel, then by level
/// alone; without one the charter applies (<see cref="SlaPolicy.Charter"/>). The lists start empty on purpose: the
/// configuration binder appends to a list, so defaults placed in it could never be replaced.
/// </summary>
public sealed class SlaOptions
{
    public const string SectionName = "ContactCenter:Sla";

    /// <summary>IANA (or Windows) id; on Linux TimeZoneInfo reads it from tzdata, with its DST rules.</summary>
    public string TimeZone { get; set; } = "Europe/Rome";

    public ServiceHoursOptions ServiceHours { get; set; } = new();

    /// <summary>Local holidays on top of the national ones: "MM-dd" every year or "yyyy-MM-dd" once,
    /// optionally followed by a name ("09-19 San Gennaro").</summary>
    public List<string> AdditionalHolidays { get; set; } = [];

    public List<SlaPolicy> Policies { get; set; } = [];

    /// <summary>Used in emergency mode before <see cref="Policies"/>; the service is then 24/7.</summary>
    public List<SlaPolicy> EmergencyPolicies { get; set; } = [];
}
