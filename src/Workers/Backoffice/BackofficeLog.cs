using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Backoffice;

/// <summary>Log messages of the backoffice acts (event ids 1920-1929). No ticket texts or addresses, only ids.</summary>
internal static partial class BackofficeLog
{
    [LoggerMessage(EventId = 1920, Level = LogLevel.Information, Message = "Ticket {Number}: {Action} by {Actor} -> {Outcome}")]
    public static partial void TicketAct(ILogger logger, string number, TicketAction action, string actor, BackofficeOutcome outcome);

    [LoggerMessage(EventId = 1921, Level = LogLevel.Information, Message = "Quarantined item {Id} ({SourceKey}) retried by {Actor}: ticket {TicketNumber}")]
    public static partial void QuarantineRetried(ILogger logger, int id, string sourceKey, string actor, string? ticketNumber);

    [LoggerMessage(EventId = 1922, Level = LogLevel.Warning, Message = "Quarantined item {Id} ({SourceKey}) retried by {Actor} failed again: {Reason}")]
    public static partial void QuarantineRetryFailed(ILogger logger, int id, string sourceKey, string actor, string reason);

    [LoggerMessage(EventId = 1923, Level = LogLevel.Information, Message = "Quarantined item {Id} ({SourceKey}) discarded by {Actor}")]
    public static partial void QuarantineDiscarded(ILogger logger, int id, string sourceKey, string actor);

    [LoggerMessage(EventId = 1924, Level = LogLevel.Information, Message = "Service mode set to {Mode} by {Actor} (was {Previous})")]
    public static partial void ModeSet(ILogger logger, Core.Storage.ServiceMode mode, string actor, Core.Storage.ServiceMode previous);

    [LoggerMessage(EventId = 1925, Level = LogLevel.Error, Message = "{Owner} refers to file {Sha256}, which is not in the archive: restore it from a backup of the archive")]
    public static partial void ArchivedFileMissing(ILogger logger, string owner, string sha256);

    [LoggerMessage(EventId = 1926, Level = LogLevel.Error, Message = "{Owner}: {Problem} Restore it from a backup of the archive")]
    public static partial void ArchivedFileDamaged(ILogger logger, string owner, string problem);

    [LoggerMessage(EventId = 2180, Level = LogLevel.Information, Message = "Ticket opened by hand ({SourceKey}) by {Operator}: {Outcome} {TicketNumber}")]
    public static partial void TicketOpened(ILogger logger, string sourceKey, string @operator, Core.Storage.DispatchOutcomeKind outcome, string? ticketNumber);

    [LoggerMessage(EventId = 3820, Level = LogLevel.Information, Message = "Spam item {Id} ({SourceKey}) released by {Actor}: ticket {TicketNumber}")]
    public static partial void SpamReleased(ILogger logger, int id, string sourceKey, string actor, string ticketNumber);

    [LoggerMessage(EventId = 3821, Level = LogLevel.Warning, Message = "Spam item {Id} ({SourceKey}) released by {Actor} made no ticket: {Reason}")]
    public static partial void SpamReleaseFailed(ILogger logger, int id, string sourceKey, string actor, string reason);

    [LoggerMessage(EventId = 3822, Level = LogLevel.Information, Message = "Spam item {Id} ({SourceKey}) confirmed as spam by {Actor}")]
    public static partial void SpamConfirmed(ILogger logger, int id, string sourceKey, string actor);

    [LoggerMessage(EventId = 3823, Level = LogLevel.Warning, Message = "Spam item {Id}: rspamd did not learn it: {Reason}")]
    public static partial void SpamLearnFailed(ILogger logger, int id, string reason);
}
