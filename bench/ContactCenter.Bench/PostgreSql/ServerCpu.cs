using System.Globalization;
using ContactCenter.Testing.PostgreSql;

namespace ContactCenter.Bench.PostgreSql;

/// <summary>
/// CPU seconds used so far by a PostgreSQL server: the postmaster and its live children (backends, WAL writer,
/// checkpointer), from /proc. On two cores the server competes with the service for the same CPU, so its share is part
/// of what the store costs.
/// </summary>
internal static class ServerCpu
{
    /// <summary>USER_HZ: the unit of /proc/{pid}/stat's times on Linux.</summary>
    private const double ClockTicksPerSecond = 100;

    public static double Seconds(PostgresServer server)
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(server.DataPath, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        double total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (pid == postmaster || int.Parse(fields[1], CultureInfo.InvariantCulture) == postmaster)
                {
                    // utime, stime, and those of exited children (a backend that ended is counted by the postmaster).
                    total += fields[11..15].Sum(f => long.Parse(f, CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }

        return total;
    }
}
