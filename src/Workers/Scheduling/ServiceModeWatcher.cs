using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Scheduling;

/// <summary>
/// Reads the mode that <c>contactcenter mode emergency|ordinary</c> stored and switches the schedules without a restart.
/// </summary>
internal sealed class ServiceModeWatcher(
    ChannelScheduler scheduler, ITicketStore store, IOptions<PipelineOptions> options, TimeProvider time, ILogger<ServiceModeWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ModeCheckInterval, time, stoppingToken).ConfigureAwait(false);
                var mode = await store.GetModeAsync(stoppingToken).ConfigureAwait(false);
                await scheduler.ApplyModeAsync(mode, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                SchedulingLog.ModeReadFailed(logger, $"{ex.GetType().Name}: {ex.Message}");
            }
        }
    }
}
