using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Postal;

internal static partial class ScanFolderLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning, Message = "Scan folder {Folder} does not exist or is not reachable; skipped")]
    public static partial void FolderMissing(ILogger logger, string folder);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Scan folder {Folder} could not be read: {Error}")]
    public static partial void FolderUnreadable(ILogger logger, string folder, string error);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Debug, Message = "{File} is stable but still open elsewhere; taken later")]
    public static partial void StillOpen(ILogger logger, string file);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information, Message = "Scan folder {Channel}: {Count} files ready")]
    public static partial void FilesReady(ILogger logger, string channel, int count);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Information, Message = "Imported {File}: {Action} {Destination}")]
    public static partial void Acknowledged(ILogger logger, string file, string action, string destination);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Warning, Message = "{File} changed or vanished after it was read; left in place")]
    public static partial void ChangedSinceRead(ILogger logger, string file);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Warning, Message = "Quarantined {File} to {Destination}: {Reason}")]
    public static partial void Quarantined(ILogger logger, string file, string destination, string reason);

    [LoggerMessage(EventId = 1507, Level = LogLevel.Debug, Message = "{File} has the same content as another file of this poll ({SourceKey}); taken next poll")]
    public static partial void SameContent(ILogger logger, string file, string sourceKey);

    [LoggerMessage(EventId = 1508, Level = LogLevel.Warning, Message = "{File} is not read ({Error}); it goes to quarantine")]
    public static partial void Refused(ILogger logger, string file, string error);
}
