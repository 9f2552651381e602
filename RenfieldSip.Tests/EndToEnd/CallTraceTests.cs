using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.EndToEnd;

/// <summary>"Every call shows in the Aspire dashboard as one trace with its logs": the spans and log records of one call.</summary>
public sealed class CallTraceTests
{
    // Not the capture's own Uniqueid: the listener sees every test's activities, and other tests replay that capture.
    private const string CallId = "4242424242.42";

    [Fact]
    public async Task A_call_is_one_trace_from_detection_to_the_webhook_and_its_logs_carry_that_trace()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "RenfieldSip.Monitor" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var logs = new TraceCapturingLoggerProvider();
        await using var harness = await EndToEndHarness.StartAsync(configure: builder => builder.Logging.AddProvider(logs));
        var connection = await harness.Ami.WaitForLoginAsync(1, TimeSpan.FromSeconds(10));

        var capture = System.Text.Encoding.UTF8.GetString(AmiCapture.Load("privacy-rewrite-userevent-known.ami").Body.Span);
        await connection.SendAsync(capture.Replace("1795513760.1", CallId, StringComparison.Ordinal));
        await harness.Renfield.WaitForDeliveredAsync(1, TimeSpan.FromSeconds(10));
        // The Hangup follows at once, so the root may end before its children: wait for both.
        await Poll.UntilAsync(
            () => activities.Any(IsRoot) && activities.Any(a => a.OperationName == "announce call" && Equals(a.GetTagItem("renfieldsip.call.id"), CallId)),
            "the call's root span and its announce span",
            TimeSpan.FromSeconds(10),
            TestContext.Current.CancellationToken);

        var root = activities.Single(IsRoot);
        var trace = activities.Where(a => a.TraceId == root.TraceId).ToList();
        Assert.Equal(default, root.ParentSpanId);
        var announce = Assert.Single(trace, a => a.OperationName == "announce call");
        Assert.Equal(root.SpanId, announce.ParentSpanId);
        var post = Assert.Single(trace, a => a.Source.Name == "System.Net.Http");
        Assert.Equal(announce.SpanId, post.ParentSpanId);
        Assert.Equal("Delivered", announce.GetTagItem("renfieldsip.outcome"));
        Assert.Equal("127", root.GetTagItem("renfieldsip.hangup.cause"));

        // Detected (1100), identified (1101), announced (1108) and ended (1102): all inside the call's trace.
        var callLogs = logs.Records.Where(r => r.TraceId == root.TraceId).Select(r => r.EventId).ToHashSet();
        Assert.True(callLogs.IsSupersetOf([1100, 1101, 1108, 1102]), "Log events in the call's trace: " + string.Join(", ", callLogs));
    }

    private static bool IsRoot(Activity activity) =>
        activity.OperationName == "incoming call" && Equals(activity.GetTagItem("renfieldsip.call.id"), CallId);

    private sealed class TraceCapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(int EventId, ActivityTraceId TraceId)> Records { get; } = new();

        public ILogger CreateLogger(string categoryName) => new TraceCapturingLogger(Records);

        public void Dispose()
        {
        }
    }

    private sealed class TraceCapturingLogger(ConcurrentQueue<(int EventId, ActivityTraceId TraceId)> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (Activity.Current is { } current)
            {
                records.Enqueue((eventId.Id, current.TraceId));
            }
        }
    }
}
