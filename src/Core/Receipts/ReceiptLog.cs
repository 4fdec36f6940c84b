using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Receipts;

/// <summary>Receipt policy log events (1810-1819 of the receipts range 1800-1899).</summary>
internal static partial class ReceiptLog
{
    [LoggerMessage(EventId = 1810, Level = LogLevel.Information,
        Message = "No receipt for {SourceKey}: {Reason}")]
    public static partial void ReceiptSuppressed(ILogger logger, string sourceKey, string reason);
}
