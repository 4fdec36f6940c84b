using System.Globalization;

namespace ContactCenter.Workers.Cli.Status;

internal static class StatusFormat
{
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / 1024.0 / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / 1024.0 / 1024 / 1024).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
    };

    public static string Age(TimeSpan age) =>
        age.TotalDays >= 1 ? $"{(int)age.TotalDays}d {age.Hours}h"
        : age.TotalHours >= 1 ? $"{(int)age.TotalHours}h {age.Minutes}m"
        : $"{Math.Max(0, (int)age.TotalMinutes)}m";

    public static string Count(int count, string what) => count == 0 ? $"0 {what}" : $"[yellow]{count}[/] {what}";
}
