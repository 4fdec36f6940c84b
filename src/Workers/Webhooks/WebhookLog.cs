using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Webhooks;

/// <summary>Log messages of webhook delivery (event ids 2450-2469). Never the secret, the signature or the body.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 2450, Level = LogLevel.Debug, Message = "Webhook {Webhook} took {EventType} {EventId} for ticket {TicketNumber} (attempt {Attempt})")]
    public static partial void Delivered(ILogger logger, string webhook, string eventType, string eventId, string ticketNumber, int attempt);

    [LoggerMessage(EventId = 2451, Level = LogLevel.Warning, Message = "Webhook {Webhook}: {EventType} {EventId} for ticket {TicketNumber} failed (attempt {Attempt}, next at {NextAttemptAt:o}): {Error}")]
    public static partial void AttemptFailed(ILogger logger, string webhook, string eventType, string eventId, string ticketNumber, int attempt, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(EventId = 2452, Level = LogLevel.Error, Message = "Webhook {Webhook}: {EventType} {EventId} for ticket {TicketNumber} abandoned after {Attempts} attempt(s): {Reason}")]
    public static partial void Abandoned(ILogger logger, string webhook, string eventType, string eventId, string ticketNumber, int attempts, string reason);

    [LoggerMessage(EventId = 2453, Level = LogLevel.Warning, Message = "Webhook delivery run failed: {Error}")]
    public static partial void RunFailed(ILogger logger, Exception exception, string error);

    [LoggerMessage(EventId = 2454, Level = LogLevel.Information, Message = "Webhook delivery run: {Delivered} delivered, {Failed} failed")]
    public static partial void RunFinished(ILogger logger, int delivered, int failed);
}
