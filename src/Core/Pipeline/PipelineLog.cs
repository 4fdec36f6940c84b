using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Pipeline;

/// <summary>Pipeline log events (1600-1629): ticket numbers and source keys only, never bodies or secrets.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 1600, Level = LogLevel.Information, Message = "{Channel}: {SourceKey} created ticket {TicketNumber}")]
    public static partial void TicketCreated(ILogger logger, string channel, string sourceKey, string? ticketNumber);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "{Channel}: {SourceKey} appended to ticket {TicketNumber}")]
    public static partial void FollowUpAppended(ILogger logger, string channel, string sourceKey, string? ticketNumber);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information, Message = "{Channel}: {SourceKey} is automatic mail ({Outcome}), ticket {TicketNumber}")]
    public static partial void AutoMail(ILogger logger, string channel, string sourceKey, string outcome, string? ticketNumber);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Information, Message = "{Channel}: {SourceKey} is a duplicate of ticket {TicketNumber}; nothing stored")]
    public static partial void Duplicate(ILogger logger, string channel, string sourceKey, string? ticketNumber);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Information, Message = "{Channel}: {SourceKey} was stored before but not acknowledged; acknowledging it")]
    public static partial void AlreadyStored(ILogger logger, string channel, string sourceKey);

    [LoggerMessage(EventId = 1605, Level = LogLevel.Warning, Message = "{Channel}: {SourceKey} quarantined: {Reason}")]
    public static partial void ItemQuarantined(ILogger logger, string channel, string sourceKey, string reason);

    [LoggerMessage(EventId = 1606, Level = LogLevel.Warning, Message = "Could not archive the original of quarantined item {SourceKey}: {ErrorType}: {Error}")]
    public static partial void QuarantineArchiveFailed(ILogger logger, string sourceKey, string errorType, string error);

    [LoggerMessage(EventId = 1607, Level = LogLevel.Error, Message = "{Channel}: storing a batch of {Count} items failed")]
    public static partial void DispatchFailed(ILogger logger, Exception exception, string channel, int count);

    [LoggerMessage(EventId = 1613, Level = LogLevel.Warning,
        Message = "{Channel}: the store refused the batch, not for a fault of its own: storing its {Count} items one by one, to quarantine the one it refuses")]
    public static partial void DispatchingOneByOne(ILogger logger, string channel, int count);

    [LoggerMessage(EventId = 1608, Level = LogLevel.Debug, Message = "{Channel}: batch of {Count} items stored and acknowledged ({Remaining} pending)")]
    public static partial void BatchDone(ILogger logger, string channel, int count, int remaining);

    [LoggerMessage(EventId = 1609, Level = LogLevel.Information, Message = "{Channel}: poll done in {DurationMs} ms: {Fetched} fetched, {Created} created, {FollowUps} follow-ups, {AutoMail} automatic, {Duplicates} duplicates, {Quarantined} quarantined, {Spam} held as spam, {AlreadyStored} already stored")]
    public static partial void PollDone(ILogger logger, string channel, long durationMs, int fetched, int created, int followUps, int autoMail, int duplicates, int quarantined, int spam, int alreadyStored);

    [LoggerMessage(EventId = 1610, Level = LogLevel.Warning, Message = "{Channel}: {SourceKey} was quarantined before but is still at the source; moving it aside again")]
    public static partial void AlreadyQuarantined(ILogger logger, string channel, string sourceKey);

    [LoggerMessage(EventId = 1611, Level = LogLevel.Debug,
        Message = "{Count} items of a batch (the first {SourceKey}) were already known to the store; {Normalised} of them were normalised before the store answered, and set aside")]
    public static partial void KnownAfterNormalising(ILogger logger, int count, string sourceKey, int normalised);

    [LoggerMessage(EventId = 1640, Level = LogLevel.Warning,
        Message = "{Channel}: {SourceKey} claims to have arrived at {ReportedAt:O}, after it was read at {ReadAt:O} (a clock or a file time in the future); its arrival is the moment it was read")]
    public static partial void FutureArrivalClamped(ILogger logger, string channel, string sourceKey, DateTimeOffset reportedAt, DateTimeOffset readAt);

    [LoggerMessage(EventId = 1641, Level = LogLevel.Warning,
        Message = "{Channel}: {SourceKey} claims to have arrived at {ReportedAt:O}, before any request to this service (a clock never set, a file time out of range); its arrival is the moment it was read, {ReadAt:O}")]
    public static partial void UnsetClockArrivalClamped(ILogger logger, string channel, string sourceKey, DateTimeOffset reportedAt, DateTimeOffset readAt);

    [LoggerMessage(EventId = 3803, Level = LogLevel.Warning,
        Message = "{Channel}: the screen {Screen} failed on {SourceKey}, which goes on unchecked")]
    public static partial void ScreenFailed(ILogger logger, Exception exception, string channel, string sourceKey, string screen);

    [LoggerMessage(EventId = 3802, Level = LogLevel.Information,
        Message = "{Channel}: item {SourceKey} held in the spam quarantine as {Id} (score {Score}): no ticket, no receipt")]
    public static partial void SpamHeld(ILogger logger, string channel, string sourceKey, int id, double? score);

    [LoggerMessage(EventId = 1612, Level = LogLevel.Warning,
        Message = "{Channel}: {SourceKey} is quarantined but could not be set aside at its source ({Error}); it stays there and the next poll tries again")]
    public static partial void SetAsideFailed(ILogger logger, string channel, string sourceKey, string error);
}
