namespace ContactCenter.Bench.Reporting;

/// <summary>What the table says about the machine: CPU model and memory, read from /proc on Linux.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = Read("/proc/cpuinfo", "model name") ?? "unknown CPU";
        var memory = Read("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out var kb)
            ? $"{kb / 1024 / 1024.0:F0} GiB RAM"
            : "unknown RAM";
        return $"{cpu}, {memory}";
    }

    /// <summary>The 1-minute load average: on a shared machine it says how much the absolute numbers can be trusted.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string? Read(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
