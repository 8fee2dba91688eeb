using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Attune.Tests.Fixtures;

/// <summary>Everything the app logs, rendered as text (message, state values, exception), for privacy checks.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private int _errors;

    public string Text => string.Join('\n', _lines);

    /// <summary>How many entries were logged at Error or above, e.g. an unhandled exception whatever status the client saw.</summary>
    public int ErrorCount => Volatile.Read(ref _errors);

    /// <summary>The latest entry at Error or above.</summary>
    public string? LastError { get; private set; }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            var line = $"{logLevel} {category} {formatter(state, exception)} {values} {exception}";
            logs._lines.Enqueue(line);
            if (logLevel >= LogLevel.Error)
            {
                logs.LastError = line;
                Interlocked.Increment(ref logs._errors);
            }
        }
    }
}
