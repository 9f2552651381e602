using System.Diagnostics;
using RenfieldSip.Monitor.Redis;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Monitor.Warmup;

/// <summary>
/// Pays what the first call after a start would otherwise pay (the JIT, libphonenumber's metadata and regexes, the
/// JSON serializer, the webhook's HTTP handler, the first Redis command, the loggers) before the AMI client logs in:
/// hosted services start one after the other, and this one is registered first. A home monitor restarts with every
/// update and its first call is often the one that matters. Bounded in time, and it never stops the monitor.
/// </summary>
internal sealed class StartupWarmup(
    CallPathRehearsal rehearsal,
    RedisConnection redis,
    MonitorTelemetry telemetry,
    TimeProvider time,
    ILogger<StartupWarmup> logger) : IHostedService
{
    /// <summary>The longest the AMI login waits for the warm-up.</summary>
    internal static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    // Redis connects in the background from its first user's start; a PING once it is up pays its first command.
    private static readonly TimeSpan RedisWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RedisPoll = TimeSpan.FromMilliseconds(10);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(Budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        var started = time.GetTimestamp();

        // A trace of its own: the warm-up is real start-up work, and it is what pays OpenTelemetry's first activity.
        using var activity = telemetry.ActivitySource.StartActivity("warm up", ActivityKind.Internal, parentContext: default);
        try
        {
            await StepAsync("call path", rehearsal.RunAsync, linked.Token);
            await StepAsync("redis", WarmRedisAsync, linked.Token);
            await StepAsync("metrics", WarmMetrics, linked.Token);
            await StepAsync("memory", ReleaseStartupGarbage, linked.Token);
            Log.WarmedUp(logger, (long)time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            activity?.AddException(exception);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            Log.Incomplete(logger, exception is OperationCanceledException ? "it took longer than " + Budget.TotalSeconds + " s" : exception.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task StepAsync(string step, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await run(cancellationToken);
        Log.StepTook(logger, step, time.GetElapsedTime(started).TotalMilliseconds);
    }

    // Adding zero creates the series a first call adds to (the exporter's aggregation runs once) and counts nothing.
    private Task WarmMetrics(CancellationToken cancellationToken)
    {
        telemetry.CallsDetected.Add(0);
        telemetry.CallsNotified.Add(0, new KeyValuePair<string, object?>("outcome", nameof(Notification.DeliveryOutcome.Delivered)));
        return Task.CompletedTask;
    }

    // Start-up (configuration, DI, the rehearsal, the phonebook) leaves megabytes of garbage that a quiet monitor
    // would keep resident until enough calls fill gen0. One aggressive, compacting collection before the login returns
    // it to the system: 10-40 ms once, 17 MB less for the NativeAOT container as long as it runs (docs/PERFORMANCE.md).
    private static Task ReleaseStartupGarbage(CancellationToken cancellationToken)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return Task.CompletedTask;
    }

    private async Task WarmRedisAsync(CancellationToken cancellationToken)
    {
        if (!redis.IsConfigured)
        {
            return;
        }

        redis.EnsureConnecting();
        var deadline = time.GetTimestamp();
        while (redis.Multiplexer is null && time.GetElapsedTime(deadline) < RedisWait)
        {
            await Task.Delay(RedisPoll, time, cancellationToken);
        }

        await redis.PingAsync(RedisWait, time, cancellationToken);
    }
}
