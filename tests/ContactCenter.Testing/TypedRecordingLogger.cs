using Microsoft.Extensions.Logging;

namespace ContactCenter.Testing;

/// <summary>Records into a <see cref="RecordingLogger"/> for a constructor that asks for an <see cref="ILogger{T}"/>.</summary>
public sealed class TypedRecordingLogger<T>(RecordingLogger inner) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(logLevel, eventId, state, exception, formatter);
}
