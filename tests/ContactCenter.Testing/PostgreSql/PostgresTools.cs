namespace ContactCenter.Testing.PostgreSql;

/// <summary>Runs Debian's PostgreSQL binaries, as the <c>postgres</c> user when the tests run as root.</summary>
internal static class PostgresTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string BinDirectory { get; } = FindBinDirectory();

    private static bool IsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    /// <summary>As root, gives the cluster's folder to <c>postgres</c> (initdb and the server refuse to run as root).</summary>
    public static async Task HandOverAsync(string root, CancellationToken cancellationToken)
    {
        if (IsRoot)
        {
            await CheckAsync("chown", ["-R", "postgres:postgres", root], cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(BinDirectory, tool);
        if (IsRoot)
        {
            await CheckAsync("runuser", ["-u", "postgres", "--", path, .. arguments], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await CheckAsync(path, arguments, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CheckAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(fileName, arguments, Timeout, workingDirectory: Path.GetTempPath(), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.StandardError}{result.StandardOutput}");
        }
    }

    private static string FindBinDirectory()
    {
        const string Root = "/usr/lib/postgresql";
        var found = Directory.Exists(Root)
            ? Directory.GetDirectories(Root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found under /usr/lib/postgresql (install Debian's postgresql package; scripts/test.sh does).");
    }
}
