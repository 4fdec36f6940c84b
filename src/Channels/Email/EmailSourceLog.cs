using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>Log messages of the e-mail sources (event ids 1200-1299). Never log passwords or message content.</summary>
internal static partial class EmailSourceLog
{
    [LoggerMessage(1200, LogLevel.Information, "{Channel}: connected to {Protocol} {Host}:{Port} ({Security}) as {User}")]
    public static partial void Connected(ILogger logger, string channel, string protocol, string host, int port, MailSecurity security, string user);

    [LoggerMessage(1201, LogLevel.Warning, "{Channel}: certificate validation is DISABLED for {Host} (AcceptInvalidCertificates = true); the password can be intercepted (said at the first connection, then once a day)")]
    public static partial void CertificateValidationDisabled(ILogger logger, string channel, string host);

    [LoggerMessage(1202, LogLevel.Error, "{Channel}: cannot connect to {Host}:{Port}; retrying in {Delay} (failure {Failures})")]
    public static partial void ConnectFailed(ILogger logger, Exception exception, string channel, string host, int port, TimeSpan delay, int failures);

    [LoggerMessage(1203, LogLevel.Warning, "{Channel}: backing off after {Failures} failure(s); next attempt in {Remaining}")]
    public static partial void BackingOff(ILogger logger, string channel, int failures, TimeSpan remaining);

    [LoggerMessage(1204, LogLevel.Information, "{Channel}: connection to {Host} works again after {Failures} failure(s)")]
    public static partial void Recovered(ILogger logger, string channel, string host, int failures);

    [LoggerMessage(1205, LogLevel.Information, "{Channel}: {Count} message(s) pending in {Folder} (UIDVALIDITY {UidValidity})")]
    public static partial void ImapPending(ILogger logger, string channel, int count, string folder, uint uidValidity);

    [LoggerMessage(1206, LogLevel.Debug, "{Channel}: fetched {Count} message(s), {Bytes} bytes")]
    public static partial void Fetched(ILogger logger, string channel, int count, long bytes);

    [LoggerMessage(1207, LogLevel.Information, "{Channel}: acknowledged {Count} message(s) ({Action})")]
    public static partial void Acknowledged(ILogger logger, string channel, int count, string action);

    [LoggerMessage(1208, LogLevel.Warning, "{Channel}: rejected {SourceKey} to {Destination}: {Reason}")]
    public static partial void Rejected(ILogger logger, string channel, string sourceKey, string destination, string reason);

    [LoggerMessage(1209, LogLevel.Information, "{Channel}: created folder {Folder}")]
    public static partial void FolderCreated(ILogger logger, string channel, string folder);

    [LoggerMessage(1210, LogLevel.Warning, "{Channel}: UIDVALIDITY of {Folder} changed from {Expected} to {Actual}; {Count} message(s) not acknowledged, they will be fetched again under new keys")]
    public static partial void UidValidityChanged(ILogger logger, string channel, string folder, uint expected, uint actual, int count);

    [LoggerMessage(1211, LogLevel.Debug, "{Channel}: connection lost since the last poll, reconnecting")]
    public static partial void ConnectionLost(ILogger logger, Exception? exception, string channel);

    [LoggerMessage(1212, LogLevel.Information, "{Channel}: {Count} message(s) pending on the POP3 server")]
    public static partial void Pop3Pending(ILogger logger, string channel, int count);

    [LoggerMessage(1225, LogLevel.Information, "{Channel}: QUIT committed the deletion of {Count} message(s) from the POP3 server")]
    public static partial void Pop3DeletionsCommitted(ILogger logger, string channel, int count);

    [LoggerMessage(1213, LogLevel.Information, "{Channel}: {Count} file(s) pending in {Path}")]
    public static partial void DropPending(ILogger logger, string channel, int count, string path);

    [LoggerMessage(1214, LogLevel.Warning, "{Channel}: the mail-drop folder {Path} does not exist")]
    public static partial void DropMissing(ILogger logger, string channel, string path);

    [LoggerMessage(1215, LogLevel.Warning, "{Channel}: {File} vanished before it could be moved")]
    public static partial void DropFileVanished(ILogger logger, string channel, string file);

    [LoggerMessage(1216, LogLevel.Debug, "{Channel}: disconnect failed")]
    public static partial void DisconnectFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(1217, LogLevel.Warning, "{Channel}: {File} is not read ({Error}); it goes to quarantine")]
    public static partial void DropFileUnreadable(ILogger logger, string channel, string file, string error);

    [LoggerMessage(1218, LogLevel.Warning, "{Channel}: {SourceKey} is {Size} bytes on the server, over MaxMessageBytes ({Limit}): not downloaded, it goes to quarantine")]
    public static partial void Oversized(ILogger logger, string channel, string sourceKey, long size, long limit);

    [LoggerMessage(1219, LogLevel.Information, "{Channel}: waiting in IMAP IDLE on {Folder}; new mail is fetched as it arrives")]
    public static partial void Idling(ILogger logger, string channel, string folder);

    [LoggerMessage(1220, LogLevel.Warning, "{Channel}: {Host} does not support IMAP IDLE; the channel is polled on its schedule only")]
    public static partial void IdleUnsupported(ILogger logger, string channel, string host);

    [LoggerMessage(1221, LogLevel.Warning, "{Channel}: IMAP IDLE connection failed ({Error}); trying again in {Delay}, polling goes on meanwhile")]
    public static partial void IdleFailed(ILogger logger, string channel, TimeSpan delay, string error);

    [LoggerMessage(1222, LogLevel.Debug, "{Channel}: IMAP IDLE announced mail that a poll has already taken (here or on another node); no wake-up")]
    public static partial void IdleArrivalsTaken(ILogger logger, string channel);

    [LoggerMessage(1223, LogLevel.Warning, "{Channel}: {File} was rewritten after it was read; left for the next poll")]
    public static partial void DropFileChanged(ILogger logger, string channel, string file);

    [LoggerMessage(1224, LogLevel.Warning, "{Channel}: {Host} is reached without TLS (Security = None); the password and the citizens' mail cross the network in clear (said at the first connection, then once a day)")]
    public static partial void CleartextConnection(ILogger logger, string channel, string host);

    [LoggerMessage(1226, LogLevel.Debug, "{Channel}: mailbox quota {Root}: {Quota}")]
    public static partial void Quota(ILogger logger, string channel, string root, string quota);

    [LoggerMessage(1227, LogLevel.Warning, "{Channel}: the server lists the QUOTA extension but did not report the folder's quota: {Reason}")]
    public static partial void QuotaRefused(ILogger logger, string channel, string reason);

    [LoggerMessage(1228, LogLevel.Warning, "{Channel}: the folder {Folder} was deleted on the server while the service ran; made again")]
    public static partial void FolderMadeAgain(ILogger logger, string channel, string folder);
}
