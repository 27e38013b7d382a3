using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WeChatPay.Chain.Tests.AspNetCore;

/// <summary>A real Kestrel application on 127.0.0.1 with notify endpoints mapped, and everything it logs kept.</summary>
internal sealed class NotifyHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NotifyHost(WebApplication app, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public static async Task<NotifyHost> StartAsync(Action<IServiceCollection> register, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        register(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new NotifyHost(app, logs);
    }

    public Uri Endpoint(string path) => new(_app.Urls.First() + path);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

/// <summary>Every log entry as it would be written: the formatted message, then the exception with its stack.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Text)> _entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Text)> Entries => [.. _entries];

    /// <summary>What the notification endpoints logged.</summary>
    public IReadOnlyList<(LogLevel Level, string Text)> OfEndpoints =>
        [.. _entries.Where(e => e.Category.StartsWith("WeChatPay.Chain.AspNetCore", StringComparison.Ordinal)).Select(e => (e.Level, e.Text))];

    /// <summary>Everything logged, by any category, as one text.</summary>
    public string All => string.Join('\n', _entries.Select(e => e.Text));

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? string.Empty : "\n" + exception)));
    }
}
