using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Voice;

internal static partial class VoicemailLog
{
    [LoggerMessage(EventId = 2170, Level = LogLevel.Information,
        Message = "Voicemail {SourceKey}: {Format} notification, mailbox {Mailbox}, {Seconds} s, {Recordings} recordings")]
    public static partial void Read(ILogger logger, string sourceKey, VoicemailFormat format, string mailbox, int seconds, int recordings);

    [LoggerMessage(EventId = 2171, Level = LogLevel.Information, Message = "Voicemail {SourceKey} set aside: {Reason}")]
    public static partial void SetAside(ILogger logger, string sourceKey, string reason);
}
