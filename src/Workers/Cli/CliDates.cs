using System.Globalization;

namespace ContactCenter.Workers.Cli;

internal static class CliDates
{
    /// <summary>A date (midnight, local time) or a full ISO 8601 instant.</summary>
    public static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out value);

    public static string Local(DateTimeOffset? value) =>
        value?.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
}
