using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Attune.Tests.Fixtures;

/// <summary>
/// Everything the app logs, rendered as text (message, state values, exception), for privacy checks; also
/// written to the running test's output, which the runner shows only when that test fails.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Line)> _lines = new();
    private ITestOutputHelper? _output;
    private int _errors;

    public string Text => string.Join('\n', _lines.Select(l => l.Line));

    /// <summary>How many entries were logged at Error or above, e.g. an unhandled exception whatever status the client saw.</summary>
    public int ErrorCount => Volatile.Read(ref _errors);

    /// <summary>The latest entry at Error or above.</summary>
    public string? LastError { get; private set; }

    /// <summary>The lines logged at this level or above.</summary>
    public IReadOnlyList<string> AtLeast(LogLevel level) => _lines.Where(l => l.Level >= level).Select(l => l.Line).ToList();

    /// <summary>From now on, lines also go to this test's output (tests of a class run one after another).</summary>
    public void WriteTo(ITestOutputHelper output) => _output = output;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string line)
    {
        _lines.Enqueue((level, line));
        if (level >= LogLevel.Error)
        {
            LastError = line;
            Interlocked.Increment(ref _errors);
        }

        if (_output is { } output)
        {
            TestOutput.TryWrite(output, line);
        }
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
            logs.Add(logLevel, $"{logLevel} {category} {formatter(state, exception)} {values} {exception}");
        }
    }
}

/// <summary>Writing to a test's output from the app's threads, which may outlive the test.</summary>
public static class TestOutput
{
    /// <summary>Sends the app's logs to this test's output from now on; returns the app, for a test class's constructor.</summary>
    public static TApp LogsTo<TApp>(this TApp app, ITestOutputHelper output)
        where TApp : AttuneApp
    {
        app.Logs.WriteTo(output);
        return app;
    }

    public static void TryWrite(ITestOutputHelper output, string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // That test has ended (a background service logging later): nobody will read this line.
        }
    }
}
