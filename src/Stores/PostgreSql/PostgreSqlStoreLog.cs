using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>Events 2900-2949: the PostgreSQL store.</summary>
internal static partial class PostgreSqlStoreLog
{
    [LoggerMessage(EventId = 2900, Level = LogLevel.Information, Message = "PostgreSQL ticket store opened on {Host}/{Database} (schema version {Version})")]
    public static partial void Opened(ILogger logger, string? host, string? database, int version);

    [LoggerMessage(EventId = 2901, Level = LogLevel.Information, Message = "Database schema migrated to version {Version} ({Name})")]
    public static partial void SchemaMigrated(ILogger logger, int version, string name);

    [LoggerMessage(EventId = 2902, Level = LogLevel.Information,
        Message = "Dispatched {Count} items durably in {ElapsedMs} ms: {Created} created, {FollowUps} follow-ups, {AutoMail} automatic, {Duplicates} duplicates")]
    public static partial void BatchDispatched(ILogger logger, int count, long elapsedMs, int created, int followUps, int autoMail, int duplicates);

    [LoggerMessage(EventId = 2903, Level = LogLevel.Information, Message = "Ticket {Number} reopened by follow-up {SourceKey}")]
    public static partial void TicketReopened(ILogger logger, string number, string sourceKey);

    [LoggerMessage(EventId = 2904, Level = LogLevel.Warning, Message = "Item {SourceKey} quarantined: {Reason}")]
    public static partial void Quarantined(ILogger logger, string sourceKey, string reason);

    [LoggerMessage(EventId = 2905, Level = LogLevel.Warning, Message = "Service mode set to {Mode} by {Actor}")]
    public static partial void ModeChanged(ILogger logger, ServiceMode mode, string actor);

    [LoggerMessage(EventId = 2906, Level = LogLevel.Information, Message = "Ticket {Number} updated: {Kind} by {Actor}")]
    public static partial void TicketUpdated(ILogger logger, string number, TicketEventKind kind, string actor);

    [LoggerMessage(EventId = 2907, Level = LogLevel.Information,
        Message = "Transaction lost a race with another writer ({SqlState}), running it again (attempt {Attempt})")]
    public static partial void ConflictRetried(ILogger logger, string sqlState, int attempt);

    [LoggerMessage(EventId = 2908, Level = LogLevel.Debug, Message = "Archived {Sha256} in the database ({Size} bytes, new: {IsNew})")]
    public static partial void Archived(ILogger logger, string sha256, long size, bool isNew);

    [LoggerMessage(EventId = 2909, Level = LogLevel.Warning,
        Message = "Daily receipt limit of {Limit} reached for a sender; ticket {Number} ({SourceKey}) gets no receipt")]
    public static partial void DailyReceiptLimitReached(ILogger logger, int limit, string number, string sourceKey);

    [LoggerMessage(EventId = 3801, Level = LogLevel.Information, Message = "Item {SourceKey} held as spam (score {Score})")]
    public static partial void SpamHeld(ILogger logger, string sourceKey, double? score);

    [LoggerMessage(EventId = 2910, Level = LogLevel.Warning,
        Message = "PostgreSQL at {Host} is reached without a verified certificate (SSL Mode {Mode}): set SSL Mode=VerifyFull in ContactCenter:Store:PostgreSql:ConnectionString, or the password and tickets can be taken by anyone in between")]
    public static partial void UnverifiedTransport(ILogger logger, string host, string mode);

    [LoggerMessage(EventId = 2911, Level = LogLevel.Warning,
        Message = "Archived content {Sha256} ({Size} bytes) could not be written to the database; the write that refers to it fails and its item is read again")]
    public static partial void WriteBehindFailed(ILogger logger, Exception exception, string sha256, long size);

    [LoggerMessage(EventId = 2912, Level = LogLevel.Information,
        Message = "Another node or the CLI is migrating the database schema; waiting for it to finish")]
    public static partial void SchemaMigrationWaiting(ILogger logger);

    [LoggerMessage(EventId = 2913, Level = LogLevel.Warning,
        Message = "Index {Index} was left invalid by an interrupted build; dropping it to build it again")]
    public static partial void InvalidIndexDropped(ILogger logger, string index);

    [LoggerMessage(EventId = 2914, Level = LogLevel.Warning,
        Message = "Schema migration {Version} ({Name}) waits for {Count} session(s) to end the transactions they began before it: {Sessions}")]
    public static partial void SchemaMigrationBlocked(ILogger logger, int version, string name, int count, string sessions);

    [LoggerMessage(EventId = 2917, Level = LogLevel.Warning,
        Message = "Schema migration {Version} ({Name}) has waited {Waited} for a table other sessions hold (stepping out of the lock queue between tries, so the other nodes go on); {Count} session(s) have held tables since before: {Sessions}")]
    public static partial void SchemaMigrationQueued(ILogger logger, int version, string name, TimeSpan waited, int count, string sessions);

    [LoggerMessage(EventId = 2915, Level = LogLevel.Debug, Message = "Could not list the sessions a schema migration waits for: {Error}")]
    public static partial void SchemaMigrationWatchFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 2916, Level = LogLevel.Information,
        Message = "Sealed {Count} shared key(s) written before the secrets key was configured, or sealed by an older one (ContactCenter:Store:PostgreSql:SecretsKeyFile)")]
    public static partial void SharedKeysSealed(ILogger logger, int count);
}
