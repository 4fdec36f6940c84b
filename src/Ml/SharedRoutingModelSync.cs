using System.Data.Common;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Ml;

/// <summary>
/// On a store several nodes share, keeps this node's models folder on the cluster's current routing model, checking
/// every <see cref="RoutingModelOptions.CheckInterval"/>: a training made on any node reaches every node, which loads
/// it as it loads one made here. Nothing to do on the embedded store, or with the model off or read from one fixed file.
/// </summary>
internal sealed class SharedRoutingModelSync(
    IOptions<RoutingModelOptions> options, IOptions<StoreOptions> store, TimeProvider time, ILogger<SharedRoutingModelSync> logger, ISharedKeyStore? shared = null)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var location = settings.ResolvePath(store.Value.DataDirectory);
        if (shared is null || !settings.Enabled || settings.IsSingleFile(location))
        {
            return;
        }

        var models = new SharedRoutingModels(shared);
        var folder = new RoutingModelFolder(location);
        using var timer = new PeriodicTimer(settings.CheckInterval, time);
        do
        {
            try
            {
                if (await models.SyncAsync(folder, stoppingToken).ConfigureAwait(false) is { } synced)
                {
                    RoutingModelLog.Synced(logger, synced.Version, synced.Pulled ? "pulled from" : "published to", location);
                }
            }
            catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException or InvalidDataException or FormatException
                or System.Text.Json.JsonException or InvalidOperationException)
            {
                // The node keeps the model it has and tries again at the next check: a model never stops the service.
                RoutingModelLog.SyncFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
