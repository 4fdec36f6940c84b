using Microsoft.Extensions.Logging;

namespace ContactCenter.WebForm;

/// <summary>Log messages of the online form (event ids 2800-2819). Never the citizen's data: keys and reasons only.</summary>
internal static partial class WebFormLog
{
    [LoggerMessage(EventId = 2800, Level = LogLevel.Information, Message = "Online form listening on {Url} (path base '{PathBase}', public address {PublicUrl})")]
    public static partial void Listening(ILogger logger, string url, string pathBase, string publicUrl);

    [LoggerMessage(EventId = 2801, Level = LogLevel.Critical, Message = "Online form cannot listen on {Url} (ContactCenter:WebForm:Url): {Error}. The service runs without it")]
    public static partial void ListenFailed(ILogger logger, string url, string error);

    [LoggerMessage(EventId = 2802, Level = LogLevel.Information, Message = "Online form stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 2803, Level = LogLevel.Information, Message = "Form submission {SourceKey}: {Result} {TicketNumber}")]
    public static partial void Submitted(ILogger logger, string sourceKey, string result, string ticketNumber);

    [LoggerMessage(EventId = 2804, Level = LogLevel.Warning, Message = "Form submission {SourceKey} quarantined: {Reason}")]
    public static partial void Quarantined(ILogger logger, string sourceKey, string reason);

    [LoggerMessage(EventId = 2805, Level = LogLevel.Information, Message = "Form submission refused ({Reason}) from {Client}")]
    public static partial void Refused(ILogger logger, string reason, string client);

    [LoggerMessage(EventId = 2806, Level = LogLevel.Error, Message = "Online form request {Method} {Path} failed")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 2807, Level = LogLevel.Error, Message = "Form submission could not be stored, the citizen was asked to try again")]
    public static partial void StoreFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2808, Level = LogLevel.Warning, Message = "Form submission {SourceKey} refused: its key made {TicketNumber} from a different request")]
    public static partial void KeyReused(ILogger logger, string sourceKey, string ticketNumber);

    [LoggerMessage(EventId = 2809, Level = LogLevel.Warning, Message = "This node's tracking key {Path} differs from the one the cluster shares: links in receipts this node sent before it joined no longer open (citizens can still look their requests up by number and e-mail)")]
    public static partial void TrackingKeyReplaced(ILogger logger, string path);

    [LoggerMessage(EventId = 2810, Level = LogLevel.Warning, Message = "Online form: the shared key ring could not be loaded at start ({Error}); the first form served loads it")]
    public static partial void KeyRingNotLoaded(ILogger logger, string error);

    [LoggerMessage(EventId = 2811, Level = LogLevel.Warning,
        Message = "Online form: the cluster's rate limit ({Policy}) could not be counted ({Error}); each node's own limit holds meanwhile (logged at most once a minute)")]
    public static partial void SharedRateLimitUnavailable(ILogger logger, string policy, string error);
}
