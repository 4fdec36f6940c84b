using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Fax;

internal static partial class FaxSpoolLog
{
    [LoggerMessage(EventId = 1530, Level = LogLevel.Warning, Message = "Fax spool {Folder} does not exist or is not reachable; skipped")]
    public static partial void SpoolMissing(ILogger logger, string folder);

    [LoggerMessage(EventId = 1531, Level = LogLevel.Debug, Message = "{File} is still being received; taken later")]
    public static partial void StillOpen(ILogger logger, string file);

    [LoggerMessage(EventId = 1532, Level = LogLevel.Information, Message = "Fax spool {Channel}: {Count} faxes ready")]
    public static partial void FaxesReady(ILogger logger, string channel, int count);

    [LoggerMessage(EventId = 1533, Level = LogLevel.Information, Message = "Imported fax {File} ({SourceKey})")]
    public static partial void Acknowledged(ILogger logger, string file, string sourceKey);

    [LoggerMessage(EventId = 1534, Level = LogLevel.Warning, Message = "Rejected fax {File}: {Reason}")]
    public static partial void Rejected(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 1535, Level = LogLevel.Warning, Message = "Tags of fax {File} could not be read: {Error}")]
    public static partial void TagsUnreadable(ILogger logger, string file, string error);

    [LoggerMessage(EventId = 1536, Level = LogLevel.Warning, Message = "{File} in the fax spool is not read ({Error}); it goes to quarantine")]
    public static partial void Refused(ILogger logger, string file, string error);

    [LoggerMessage(EventId = 1537, Level = LogLevel.Information, Message = "Rejected fax {File} is already in quarantine {Folder}; not copied again")]
    public static partial void AlreadyQuarantined(ILogger logger, string file, string folder);
}
