using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Paper;

internal static partial class PaperLog
{
    [LoggerMessage(EventId = 1550, Level = LogLevel.Information,
        Message = "Read {SourceKey}: {Pages} pages, {Letters} letters, mean OCR confidence {Confidence:0.#}")]
    public static partial void DocumentRead(ILogger logger, string sourceKey, int pages, int letters, double confidence);

    [LoggerMessage(EventId = 1551, Level = LogLevel.Warning, Message = "{SourceKey} needs review: {Reason}")]
    public static partial void NeedsReview(ILogger logger, string sourceKey, string reason);
}
