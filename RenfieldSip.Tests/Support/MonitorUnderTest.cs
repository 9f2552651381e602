using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RenfieldSip.Monitor;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Calls;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// The real monitor application (same wiring as Program) running in the test process on 127.0.0.1:0, configured
/// through configuration keys only, with every log line collected. Only the call tracker's settle timers run on
/// <see cref="SettleClock"/>, whose timers fire when a test advances it: whether a call is settled by its identity
/// event or by the timeout is then decided by the test, never by how busy the machine is.
/// </summary>
internal sealed class MonitorUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MonitorUnderTest(WebApplication app, FakeLogCollector logs, ManualTimers settleClock)
    {
        _app = app;
        Logs = logs;
        SettleClock = settleClock;
    }

    public FakeLogCollector Logs { get; }

    /// <summary>The time source of <see cref="CallTracker"/>: real now, settle timers that fire on <c>Advance</c>.</summary>
    public ManualTimers SettleClock { get; }

    public IAmiConnectionStatus AmiStatus => GetRequiredService<IAmiConnectionStatus>();

    public IServiceProvider Services => _app.Services;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<MonitorUnderTest> StartAsync(
        IReadOnlyDictionary<string, string?> configuration,
        Action<WebApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var logs = new FakeLogCollector();
        var settleClock = new ManualTimers();
        var app = MonitorApplication.Create([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Debug",
                ["Logging:LogLevel:Microsoft"] = "Warning",
                ["Logging:LogLevel:System.Net.Http"] = "Warning",
            });
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(new FakeLoggerProvider(logs));
            builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));
            builder.Services.AddSingleton(services => ActivatorUtilities.CreateInstance<CallTracker>(services, (TimeProvider)settleClock));
            builder.Services.AddSingleton<IStartupFilter, BrowserLoginPage>();
            builder.Services.AddSingleton<IStartupFilter, BrowserPlayerPage>();
            configure?.Invoke(builder);
        });

        var monitor = new MonitorUnderTest(app, logs, settleClock);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        monitor.BaseAddress = new Uri(address);
        return monitor;
    }

    public T GetRequiredService<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>
    /// Waits until the monitor has read and dispatched <paramref name="events"/> events more than
    /// <paramref name="baseline"/> (a value of <see cref="IAmiConnectionStatus.EventsRead"/>).
    /// </summary>
    public Task WaitForEventsReadAsync(long baseline, long events, CancellationToken cancellationToken = default) =>
        Poll.UntilAsync(() => AmiStatus.EventsRead >= baseline + events, $"{events} AMI events read", TimeSpan.FromSeconds(10), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.DisposeAsync();
    }
}
