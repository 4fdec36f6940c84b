using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email.Screening;

internal static partial class ScreeningLog
{
    [LoggerMessage(EventId = 3810, Level = LogLevel.Information, Message = "{SourceKey}: spam verdict {Verdict} from {Engine} (score {Score}, action {Action})")]
    public static partial void Verdict(ILogger logger, string sourceKey, string verdict, string engine, double score, string? action);

    [LoggerMessage(EventId = 3811, Level = LogLevel.Warning,
        Message = "{SourceKey}: the spam engine could not be asked, the item goes on unchecked: {Reason}")]
    public static partial void EngineFailed(ILogger logger, string sourceKey, string reason);

    [LoggerMessage(EventId = 3812, Level = LogLevel.Warning, Message = "{SourceKey}: sender fails DMARC at {AuthServId} (spf {Spf}, dkim {Dkim}): no receipt, flagged")]
    public static partial void DmarcFailed(ILogger logger, string sourceKey, string authServId, string? spf, string? dkim);

    [LoggerMessage(EventId = 3813, Level = LogLevel.Debug, Message = "{SourceKey}: Authentication-Results of untrusted authserv-id {AuthServId} ignored")]
    public static partial void UntrustedAuthResults(ILogger logger, string sourceKey, string authServId);

    [LoggerMessage(EventId = 3814, Level = LogLevel.Warning,
        Message = "rspamd at {Url} is reached over plain http: the citizens' mail (and, to the controller, its password) cross the network in clear; keep rspamd on this machine or put https in front of it")]
    public static partial void CleartextRspamd(ILogger logger, string url);
}
