using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Control;

/// <summary>Authentication of the control API (event ids 2470-2479). A key is never logged, only its configured name.</summary>
internal static partial class ControlAuthLog
{
    [LoggerMessage(EventId = 2470, Level = LogLevel.Warning, Message = "Control request {Method} {Path} from {Remote} refused (401): {Reason}")]
    public static partial void Unauthenticated(ILogger logger, string method, string path, string remote, string reason);

    [LoggerMessage(EventId = 2471, Level = LogLevel.Warning, Message = "Control request {Method} {Path} from {Remote} refused (403): key '{KeyName}' has role {Role}")]
    public static partial void Forbidden(ILogger logger, string method, string path, string remote, string keyName, string role);

    [LoggerMessage(EventId = 2472, Level = LogLevel.Information, Message = "Control API keys on: {Count} configured; the local key for the CLI is in {LocalKeyPath}")]
    public static partial void KeysOn(ILogger logger, int count, string localKeyPath);

    [LoggerMessage(EventId = 2473, Level = LogLevel.Information, Message = "Control endpoint open to the network at {RemoteUrl} (TLS, certificate {Subject}, expires {NotAfter:yyyy-MM-dd})")]
    public static partial void RemoteListening(ILogger logger, string remoteUrl, string subject, DateTime notAfter);
}
