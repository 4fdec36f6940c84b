using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Sla;

/// <summary>Checks the SLA configuration at start-up; every message names the key to fix.</summary>
internal sealed class SlaOptionsValidator : IValidateOptions<SlaOptions>
{
    private const string Root = SlaOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        var errors = new List<string>();
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            errors.Add($"{Root}:TimeZone: unknown time zone \"{options.TimeZone}\"");
        }

        var hours = options.ServiceHours;
        if ((hours.Days & OpenDays.All) == OpenDays.None || (hours.Days & ~OpenDays.All) != 0)
        {
            errors.Add($"{Root}:ServiceHours:Days: name at least one day, e.g. \"Monday, Tuesday\" (got {hours.Days})");
        }

        if (hours.Close <= hours.Open)
        {
            errors.Add($"{Root}:ServiceHours:Close: {hours.Close:HH\\:mm} must be after Open ({hours.Open:HH\\:mm})");
        }

        for (var i = 0; i < options.AdditionalHolidays.Count; i++)
        {
            if (!AdditionalHoliday.TryParse(options.AdditionalHolidays[i], out _))
            {
                errors.Add($"{Root}:AdditionalHolidays:{i}: \"{options.AdditionalHolidays[i]}\" is not MM-dd or yyyy-MM-dd");
            }
        }

        ValidatePolicies("Policies", options.Policies, errors);
        ValidatePolicies("EmergencyPolicies", options.EmergencyPolicies, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidatePolicies(string list, List<SlaPolicy> policies, List<string> errors)
    {
        var seen = new Dictionary<(Tickets.ServiceLevel, Tickets.ChannelKind?), int>();
        for (var i = 0; i < policies.Count; i++)
        {
            var p = policies[i];
            var key = $"{Root}:{list}:{i}";
            if (p.Days is < 0 or > 3650)
            {
                errors.Add($"{key}:Days: must be between 0 (the same day) and 3650, not {p.Days}");
            }

            if (!Enum.IsDefined(p.Level))
            {
                errors.Add($"{key}:Level: {(int)p.Level} is not a level (First or Second)");
            }

            if (p.Channel is { } channel && !Enum.IsDefined(channel))
            {
                errors.Add($"{key}:Channel: {(int)channel} is not a channel kind");
            }

            if (!Enum.IsDefined(p.DayKind))
            {
                errors.Add($"{key}:DayKind: must be CalendarDays or WorkingDays");
            }

            if (!seen.TryAdd((p.Level, p.Channel), i))
            {
                errors.Add($"{key}: a second policy for level {p.Level}{(p.Channel is { } c ? " and channel " + c : "")} " +
                           $"(also {Root}:{list}:{seen[(p.Level, p.Channel)]})");
            }
        }
    }
}
