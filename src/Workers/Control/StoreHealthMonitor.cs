using ContactCenter.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Control;

/// <summary>
/// Reads from the store every few seconds, so <c>/health</c> reports a database that went away even while no poll
/// runs (a clustered scheduler cannot fire triggers without its database, so the channels alone would look idle,
/// not failing).
/// </summary>
internal sealed partial class StoreHealthMonitor(ITicketStore store, TimeProvider time, ILogger<StoreHealthMonitor> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private DateTimeOffset? _lastOkAt;
    private DateTimeOffset? _failingSince;
    private string? _lastError;

    public StoreHealth Current
    {
        get
        {
            lock (_gate)
            {
                return new StoreHealth(_failingSince is null ? HealthReport.Healthy : HealthReport.Unhealthy, _lastOkAt, _failingSince, _lastError);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await ProbeAsync(stoppingToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ProbeAsync(CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await store.GetModeAsync(timeout.Token).ConfigureAwait(false);
            lock (_gate)
            {
                if (_failingSince is { } since)
                {
                    StoreRecovered(logger, since);
                }

                _lastOkAt = time.GetUtcNow();
                _failingSince = null;
                _lastError = null;
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            var error = ex is OperationCanceledException ? $"no answer within {ProbeTimeout}" : $"{ex.GetType().Name}: {ex.Message}";
            lock (_gate)
            {
                if (_failingSince is null)
                {
                    StoreFailing(logger, error);
                }

                _failingSince ??= time.GetUtcNow();
                _lastError = error;
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(EventId = 2960, Level = LogLevel.Error, Message = "The ticket store cannot be read: {Error}")]
    private static partial void StoreFailing(ILogger logger, string error);

    [LoggerMessage(EventId = 2961, Level = LogLevel.Information, Message = "The ticket store answers again (failing since {Since})")]
    private static partial void StoreRecovered(ILogger logger, DateTimeOffset since);
}
