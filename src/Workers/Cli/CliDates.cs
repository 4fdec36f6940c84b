using System.Globalization;
using ContactCenter.Core.Sla;

namespace ContactCenter.Workers.Cli;

/// <summary>
/// Dates as operators read and type them: in the service's time zone (<c>ContactCenter:Sla:TimeZone</c>, Europe/Rome),
/// not the host's, which on a server is often UTC and would show a 09:00 letter as received at 08:00.
/// </summary>
internal sealed class CliDates(TimeZoneInfo zone)
{
    public static CliDates For(CliSession session) => new(session.Get<BusinessCalendar>().Zone);

    /// <summary>The zone's name, printed beside local times so that no reader takes them for UTC.</summary>
    public string ZoneName => zone.Id;

    /// <summary>Whether <paramref name="text"/> is a date or an ISO 8601 instant (settings validation, before any session).</summary>
    public static bool IsValid(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    /// <summary>A date (midnight in the service's zone), a local date-time, or a full ISO 8601 instant with its offset.</summary>
    public bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return false;
        }

        if (parsed.Kind != DateTimeKind.Unspecified || HasOffset(text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value);
        }

        value = new DateTimeOffset(parsed, zone.GetUtcOffset(parsed));
        return true;
    }

    public string Format(DateTimeOffset? value) =>
        value is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    public string FormatDate(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool HasOffset(string text) =>
        text.TrimEnd().EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"T.*[+-]\d{2}:?\d{2}\s*$");
}
