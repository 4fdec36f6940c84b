using System.Globalization;

namespace ContactCenter.Bench.Memory;

/// <summary>Reads a process's resident set (VmRSS) and its peak (VmHWM) from /proc/PID/status, in bytes.</summary>
internal static class ProcessMemory
{
    public static long? Read(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var kb = line[(field.Length + 1)..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between two samples.
        }

        return null;
    }

    public static long Rss() => Read(Environment.ProcessId, "VmRSS") ?? 0;
}
