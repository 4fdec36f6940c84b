using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>Store and archive log messages, event ids 1000-1099.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Ticket store opened at {Path}")]
    public static partial void Opened(ILogger logger, string path);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Refusing to open {Path}: it exists and is not a LiteDB file")]
    public static partial void RefusedForeignFile(ILogger logger, string path);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Dispatched {Count} items durably in {ElapsedMs} ms: {Created} created, {FollowUps} follow-ups, {AutoMail} automatic, {Duplicates} duplicates")]
    public static partial void BatchDispatched(ILogger logger, int count, long elapsedMs, int created, int followUps, int autoMail, int duplicates);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Ticket {Number} reopened by follow-up {SourceKey}")]
    public static partial void TicketReopened(ILogger logger, string number, string sourceKey);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Item {SourceKey} quarantined: {Reason}")]
    public static partial void Quarantined(ILogger logger, string sourceKey, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Service mode set to {Mode} by {Actor}")]
    public static partial void ModeChanged(ILogger logger, Storage.ServiceMode mode, string actor);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Ticket {Number} updated: {Kind} by {Actor}")]
    public static partial void TicketUpdated(ILogger logger, string number, Tickets.TicketEventKind kind, string actor);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Ticket store at {Path} closed")]
    public static partial void Closed(ILogger logger, string path);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Ticket store copied to {Path} ({Bytes} bytes) for a backup")]
    public static partial void BackedUp(ILogger logger, string path, long bytes);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning,
        Message = "Ticket store at {Path} closed after a write to its files failed; it is opened again from its files at the next operation")]
    public static partial void ClosedAfterFault(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "Ticket store at {Path}: closing it after a failed write failed too")]
    public static partial void CloseAfterFaultFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Ticket store at {Path} opened again after a failed write ({Fault})")]
    public static partial void ReopenedAfterFault(ILogger logger, string path, string fault);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Debug, Message = "Archived {Sha256} ({Size} bytes, new: {IsNew})")]
    public static partial void Archived(ILogger logger, string sha256, long size, bool isNew);

    [LoggerMessage(EventId = 1042, Level = LogLevel.Warning,
        Message = "Daily receipt limit of {Limit} reached for a sender; ticket {Number} ({SourceKey}) gets no receipt")]
    public static partial void DailyReceiptLimitReached(ILogger logger, int limit, string number, string sourceKey);

    [LoggerMessage(EventId = 3800, Level = LogLevel.Information, Message = "Item {SourceKey} held as spam (score {Score})")]
    public static partial void SpamHeld(ILogger logger, string sourceKey, double? score);
}
