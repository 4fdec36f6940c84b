using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Fax;

/// <summary>libtiff's (LibTiff.NET's) own warnings and errors, in the service's log instead of raw stderr.</summary>
internal static partial class LibTiffLog
{
    [LoggerMessage(EventId = 1590, Level = LogLevel.Warning, Message = "libtiff warning in {File} ({Method}): {Text}")]
    public static partial void Warning(ILogger logger, string file, string method, string text);

    [LoggerMessage(EventId = 1591, Level = LogLevel.Warning, Message = "libtiff error in {File} ({Method}): {Text}")]
    public static partial void Error(ILogger logger, string file, string method, string text);
}
