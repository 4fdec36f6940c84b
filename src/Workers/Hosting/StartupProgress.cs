using Microsoft.Extensions.Hosting.Systemd;

namespace ContactCenter.Workers.Hosting;

/// <summary>
/// Keeps systemd from killing a start that is slow for a good reason (a schema migration building an index over
/// millions of tickets, a database not up yet): a unit of <c>Type=notify</c> that is not ready within
/// <c>TimeoutStartSec</c> (90 s by default) is killed and restarted, and a killed migration rolls back and starts over
/// at the next start, for ever. While the work runs this says what it is doing (<c>STATUS=</c>, shown by
/// <c>systemctl status</c>) and asks for more time (<c>EXTEND_TIMEOUT_USEC=</c>) every <see cref="Interval"/>, so the
/// start is killed only if the process stops answering. Does nothing when not run by systemd.
/// </summary>
internal sealed class StartupProgress(TimeProvider time, ISystemdNotifier? notifier = null)
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(20);

    /// <summary>How long each request gives: three intervals, so one late timer tick is not fatal.</summary>
    internal static long ExtensionMicroseconds => (long)(Interval * 3).TotalMicroseconds;

    public async Task RunAsync(string status, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (notifier is not { IsEnabled: true } systemd)
        {
            await work(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        systemd.Notify(new ServiceState($"STATUS={status}"));
        var extending = ExtendAsync(systemd, done.Token);
        try
        {
            await work(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await done.CancelAsync().ConfigureAwait(false);
            await extending.ConfigureAwait(false);
            systemd.Notify(new ServiceState("STATUS="));
        }
    }

    private async Task ExtendAsync(ISystemdNotifier systemd, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                systemd.Notify(new ServiceState($"EXTEND_TIMEOUT_USEC={ExtensionMicroseconds}"));
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // The work ended.
        }
    }
}
