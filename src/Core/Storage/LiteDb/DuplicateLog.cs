using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>Log events of the duplicate rule (ids 1040-1049); Message-IDs only, no addresses or subjects.</summary>
internal static partial class DuplicateLog
{
    [LoggerMessage(EventId = 1040, Level = LogLevel.Information, Message = "{SourceKey} repeats Message-ID <{MessageId}> with the same content: duplicate of {TicketNumber}")]
    public static partial void Duplicate(ILogger logger, string sourceKey, string messageId, string? ticketNumber);

    [LoggerMessage(EventId = 1041, Level = LogLevel.Warning,
        Message = "{SourceKey} reuses Message-ID <{MessageId}> of {EarlierTicket} with different {Differences}: stored as its own message ({TicketNumber})")]
    public static partial void Reused(ILogger logger, string sourceKey, string messageId, string? earlierTicket, string differences, string? ticketNumber);

    [LoggerMessage(EventId = 1043, Level = LogLevel.Information,
        Message = "{SourceKey} is the same original as {EarlierSourceKey} (the mailbox gave it a new key): duplicate of {TicketNumber}")]
    public static partial void SameOriginal(ILogger logger, string sourceKey, string earlierSourceKey, string? ticketNumber);
}
