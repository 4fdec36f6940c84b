using System.Globalization;

namespace ContactCenter.Bench.Reporting;

/// <summary>Formats rates and sizes the same way in every row.</summary>
internal static class Rate
{
    public static double PerSecond(int count, TimeSpan elapsed) => count / Math.Max(elapsed.TotalSeconds, 1e-9);

    public static string Format(double value, string unit) =>
        value >= 100
            ? string.Create(CultureInfo.InvariantCulture, $"{value:N0} {unit}")
            : string.Create(CultureInfo.InvariantCulture, $"{value:F1} {unit}");

    public static string Mebibytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F0} MiB");

    public static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:F2} s");
}
