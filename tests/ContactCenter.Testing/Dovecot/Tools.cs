namespace ContactCenter.Testing.Dovecot;

/// <summary>Runs a command line tool and fails with its output when it fails.</summary>
internal static class Tools
{
    public static async Task RunAsync(string file, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var run = await ProcessRunner.RunAsync(file, arguments, Timeout.InfiniteTimeSpan, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({run.ExitCode}): {run.StandardError}{run.StandardOutput}");
        }
    }
}
