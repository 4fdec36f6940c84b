using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>Receipt sender log events (1800-1809 and 1820-1829 of the receipts range 1800-1899).</summary>
internal static partial class AcknowledgementLog
{
    [LoggerMessage(EventId = 1800, Level = LogLevel.Information,
        Message = "Receipt for {TicketNumber} sent (Message-ID <{MessageId}>, attempt {Attempt})")]
    public static partial void ReceiptSent(ILogger logger, string ticketNumber, string messageId, int attempt);

    [LoggerMessage(EventId = 1801, Level = LogLevel.Warning,
        Message = "Receipt for {TicketNumber} not sent (attempt {Attempt}), next try at {NextAttemptAt:o}: {Error}")]
    public static partial void ReceiptAttemptFailed(ILogger logger, string ticketNumber, int attempt, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(EventId = 1802, Level = LogLevel.Warning,
        Message = "SMTP server {Host}:{Port} unavailable; {Kept} receipts kept in the outbox: {Error}")]
    public static partial void SmtpUnavailable(ILogger logger, string host, int port, int kept, string error);

    [LoggerMessage(EventId = 1803, Level = LogLevel.Error,
        Message = "Receipt for {TicketNumber} abandoned after {Attempts} attempts: {Reason}")]
    public static partial void ReceiptAbandoned(ILogger logger, string ticketNumber, int attempts, string reason);

    [LoggerMessage(EventId = 1804, Level = LogLevel.Warning,
        Message = "SMTP certificate validation is OFF for {Host} (ContactCenter:Smtp:AcceptInvalidCertificates); said at the first connection, then once a day")]
    public static partial void AcceptingInvalidCertificates(ILogger logger, string host);

    [LoggerMessage(EventId = 1805, Level = LogLevel.Critical,
        Message = "Receipt for {TicketNumber} was accepted by the SMTP server but its outbox row could not be updated; " +
                  "it will be sent again with the same Message-ID <{MessageId}>")]
    public static partial void OutboxUpdateFailedAfterSend(ILogger logger, Exception exception, string ticketNumber, string messageId);

    [LoggerMessage(EventId = 1806, Level = LogLevel.Debug,
        Message = "Outbox run skipped: the previous one is still running")]
    public static partial void RunAlreadyInProgress(ILogger logger);

    [LoggerMessage(EventId = 1807, Level = LogLevel.Information,
        Message = "Outbox run: {Sent} receipts sent, {Failed} kept for a later attempt")]
    public static partial void RunFinished(ILogger logger, int sent, int failed);

    [LoggerMessage(EventId = 1808, Level = LogLevel.Warning,
        Message = "SMTP relay {Host} is reached without TLS (ContactCenter:Smtp:Security = None); the password and the receipts cross the network in clear (said at the first connection, then once a day)")]
    public static partial void CleartextConnection(ILogger logger, string host);
}
