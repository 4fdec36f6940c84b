using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Sla;

internal static partial class SlaLog
{
    [LoggerMessage(EventId = 1320, Level = LogLevel.Debug,
        Message = "Due date for {Level}/{Channel} received {ReceivedAt:o} in {Mode} mode: clock from {ClockStartedAt:o}, due {DueAt:o} ({Policy})")]
    public static partial void Planned(ILogger logger, string level, string channel, DateTimeOffset receivedAt,
        string mode, DateTimeOffset clockStartedAt, DateTimeOffset dueAt, string policy);

    [LoggerMessage(EventId = 1321, Level = LogLevel.Information,
        Message = "Ticket {Number}: answer clock suspended at {At:o}, waiting for {WaitingFor}")]
    public static partial void Suspended(ILogger logger, string number, DateTimeOffset at, string waitingFor);

    [LoggerMessage(EventId = 1322, Level = LogLevel.Information,
        Message = "Ticket {Number}: answer clock resumed at {At:o}, due date {OldDueAt:o} -> {NewDueAt:o}")]
    public static partial void Resumed(ILogger logger, string number, DateTimeOffset at, DateTimeOffset oldDueAt,
        DateTimeOffset newDueAt);
}
