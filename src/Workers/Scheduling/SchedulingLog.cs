using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Scheduling;

/// <summary>Scheduler log events (1650-1699).</summary>
internal static partial class SchedulingLog
{
    [LoggerMessage(EventId = 1650, Level = LogLevel.Information, Message = "Service mode at start: {Mode}")]
    public static partial void ModeAtStart(ILogger logger, ServiceMode mode);

    [LoggerMessage(EventId = 1667, Level = LogLevel.Information, Message = "contactcenter {Version} starting on .NET {Runtime}")]
    public static partial void Starting(ILogger logger, string version, string runtime);

    [LoggerMessage(EventId = 1651, Level = LogLevel.Warning, Message = "Service mode switched from {From} to {To}; channel schedules changed")]
    public static partial void ModeSwitched(ILogger logger, ServiceMode from, ServiceMode to);

    [LoggerMessage(EventId = 1652, Level = LogLevel.Information, Message = "Channel {Channel} ({Type}) scheduled: {Schedule}")]
    public static partial void ChannelScheduled(ILogger logger, string channel, string type, string schedule);

    [LoggerMessage(EventId = 1653, Level = LogLevel.Debug, Message = "Channel {Channel} skipped: backing off until {Until}")]
    public static partial void PollSkipped(ILogger logger, string channel, DateTimeOffset until);

    [LoggerMessage(EventId = 1659, Level = LogLevel.Debug, Message = "Channel {Channel} skipped: its source is backing off after a failure")]
    public static partial void SourceBackingOff(ILogger logger, string channel);

    [LoggerMessage(EventId = 1654, Level = LogLevel.Error, Message = "Channel {Channel} poll failed ({Failures} in a row), next attempt after {Backoff}: {Error}")]
    public static partial void PollFailed(ILogger logger, Exception exception, string channel, int failures, TimeSpan backoff, string error);

    [LoggerMessage(EventId = 1655, Level = LogLevel.Warning, Message = "Could not read the service mode from the store: {Error}")]
    public static partial void ModeReadFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 1656, Level = LogLevel.Warning, Message = "No channel is enabled under ContactCenter:Channels; the service has nothing to poll")]
    public static partial void NoChannels(ILogger logger);

    [LoggerMessage(EventId = 1657, Level = LogLevel.Error, Message = "Sending the receipts outbox failed: {Error}")]
    public static partial void OutboxFailed(ILogger logger, Exception exception, string error);

    [LoggerMessage(EventId = 1658, Level = LogLevel.Information, Message = "Channel {Channel} recovered after {Failures} failed polls")]
    public static partial void ChannelRecovered(ILogger logger, string channel, int failures);

    [LoggerMessage(EventId = 1660, Level = LogLevel.Debug, Message = "Channel {Channel}: new items announced by the server, polling now")]
    public static partial void PushWakeUp(ILogger logger, string channel);

    [LoggerMessage(EventId = 1661, Level = LogLevel.Error, Message = "Channel {Channel}: watching for new items stopped; the channel is polled on its schedule only")]
    public static partial void PushWatchFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(EventId = 1662, Level = LogLevel.Warning, Message = "Channel {Channel}: the retry after the backoff could not be scheduled ({Error}); polled on its schedule")]
    public static partial void RetryNotScheduled(ILogger logger, string channel, string error);
}
