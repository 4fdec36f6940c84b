using System.Text.Json;
using ContactCenter.Core.Storage;
using ContactCenter.Workers.Backoffice;
using ContactCenter.Workers.Control;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Cli;

/// <summary>
/// The one seam of every verb that touches the store: first the running service's control endpoint (short timeout),
/// and only when no service answers, the store file itself. A store held by a process that did not answer is
/// reported as such (<see cref="StoreUnreachableException"/>), never waited for. A LiteDB store that does not exist is
/// never created here (<see cref="StoreNotFoundException"/>): a command run without the service's configuration would
/// otherwise make an empty store in the current folder and work on it.
/// </summary>
internal static partial class BackofficeConnector
{
    public static async Task<IBackofficeClient> ConnectAsync(CliSession session, CancellationToken cancellationToken)
    {
        var control = ReadOptions(session.Configuration);
        var logger = session.Get<ILoggerFactory>().CreateLogger(typeof(BackofficeConnector));
        if (!control.Enabled)
        {
            return Local(session, unansweredEndpoint: null);
        }

        var http = new HttpClient { BaseAddress = control.ParsedUrl, Timeout = control.ClientRequestTimeout };
        if (control.RequiresKeys
            && LocalControlKey.TryRead(LocalControlKey.PathFor(session.Get<IOptions<StoreOptions>>().Value)) is { } localKey)
        {
            // API keys are on: the service's local key (readable by its own user only) stands for this machine's admin.
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", localKey);
        }

        var identity = await PingAsync(http, control.ClientConnectTimeout, cancellationToken).ConfigureAwait(false);
        if (identity is null)
        {
            http.Dispose();
            NoService(logger, control.Url);
            return Local(session, unansweredEndpoint: control.Url);
        }

        var storePath = Path.GetFullPath(session.Get<IOptions<StoreOptions>>().Value.ResolvedDatabasePath);
        if (!string.Equals(Path.GetFullPath(identity.StorePath), storePath, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            // Another instance (another store) answers there: this store's owner, if any, is not reachable.
            http.Dispose();
            OtherService(logger, control.Url, identity.ProcessId, identity.StorePath);
            var other = $"{control.Url} (the service there, process {identity.ProcessId}, owns another store: '{identity.StorePath}')";
            return Local(session, other, other);
        }

        ViaService(logger, control.Url, identity.ProcessId);
        return new HttpBackofficeClient(http);
    }

    private static LocalBackofficeClient Local(CliSession session, string? unansweredEndpoint, string? otherService = null)
    {
        var store = session.Get<IOptions<StoreOptions>>().Value;
        var path = Path.GetFullPath(store.ResolvedDatabasePath);
        if (store.Provider == StoreProvider.LiteDb && !File.Exists(path))
        {
            throw new StoreNotFoundException(path, otherService);
        }

        return new LocalBackofficeClient(session.Services, inService: false, unansweredEndpoint);
    }

    private static ControlOptions ReadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(ControlOptions.SectionName).Get<ControlOptions>() ?? new ControlOptions();
        var result = new ControlOptionsValidator().Validate(null, options);
        return result.Failed ? throw new OptionsValidationException(ControlOptions.SectionName, typeof(ControlOptions), result.Failures) : options;
    }

    private static async Task<ServiceIdentity?> PingAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync("api/ping", cts.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var text = await response.Content.ReadAsStringAsync(cts.Token).ConfigureAwait(false);
            var identity = JsonSerializer.Deserialize<ServiceIdentity>(text, BackofficeJson.Options);
            return identity is { Service: "contactcenter" } ? identity : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 1930, Level = LogLevel.Debug, Message = "No service answered at {Url}: opening the store directly")]
    private static partial void NoService(ILogger logger, string url);

    [LoggerMessage(EventId = 1932, Level = LogLevel.Debug, Message = "The service at {Url} (process {ProcessId}) owns another store, {StorePath}: opening this one directly")]
    private static partial void OtherService(ILogger logger, string url, int processId, string storePath);

    [LoggerMessage(EventId = 1931, Level = LogLevel.Debug, Message = "Talking to the running service at {Url} (process {ProcessId})")]
    private static partial void ViaService(ILogger logger, string url, int processId);
}
