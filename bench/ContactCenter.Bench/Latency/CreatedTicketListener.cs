using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Bench.Latency;

/// <summary>
/// Notes the moment the pipeline logs "created ticket" (event 1600, written right after the durable dispatch) for
/// each source key, so latency is measured to the stored ticket and not to the end of the poll.
/// </summary>
internal sealed class CreatedTicketListener : ILoggerProvider, ILogger
{
    public const int TicketCreatedEventId = 1600;

    private readonly ConcurrentDictionary<string, long> created = new(StringComparer.Ordinal);

    public bool TryGet(string sourceKeySuffix, out long timestamp)
    {
        foreach (var (key, value) in created)
        {
            if (key.EndsWith(sourceKeySuffix, StringComparison.Ordinal))
            {
                timestamp = value;
                return true;
            }
        }

        timestamp = 0;
        return false;
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id != TicketCreatedEventId || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        if (values.FirstOrDefault(v => v.Key == "SourceKey").Value is string sourceKey)
        {
            created.TryAdd(sourceKey, now);
        }
    }

    public void Dispose()
    {
    }
}
