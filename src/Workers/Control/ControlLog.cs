using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Control;

/// <summary>Log messages of the control endpoint (event ids 1900-1919).</summary>
internal static partial class ControlLog
{
    [LoggerMessage(EventId = 1900, Level = LogLevel.Information, Message = "Control endpoint listening on {Url} (/health, /metrics, /api)")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(EventId = 1901, Level = LogLevel.Information, Message = "Control endpoint disabled (ContactCenter:Control:Enabled): admin verbs cannot reach this service while it holds the store")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Critical, Message = "Control endpoint cannot listen on {Url} (ContactCenter:Control:Url): {Error}. The service runs without it: no /health, /metrics or admin verbs until it is restarted with a free address")]
    public static partial void ListenFailed(ILogger logger, string url, string error);

    [LoggerMessage(EventId = 1904, Level = LogLevel.Warning, Message = "Control request refused: Host header '{Host}' is not a loopback name")]
    public static partial void ForeignHostRefused(ILogger logger, string host);

    [LoggerMessage(EventId = 1905, Level = LogLevel.Information, Message = "Control endpoint stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 1906, Level = LogLevel.Warning, Message = "Reading the outbox and quarantine sizes for the metrics failed: {Error}")]
    public static partial void GaugeRefreshFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 1907, Level = LogLevel.Error, Message = "Control request {Method} {Path} failed (request {RequestId})")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path, string requestId);

    [LoggerMessage(EventId = 1908, Level = LogLevel.Information, Message = "File {Sha256} of {Owner} read by {Actor}")]
    public static partial void ArchivedFileRead(ILogger logger, string owner, string sha256, string actor);

    [LoggerMessage(EventId = 1909, Level = LogLevel.Information, Message = "Store snapshot (a backup) read by {Actor}")]
    public static partial void StoreSnapshotRead(ILogger logger, string actor);
}
