using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Lifecycle;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Rules;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Tests.History;

/// <summary>The history builds its records from what the lifecycle publishes, as the writer feeds it.</summary>
public sealed class CallHistoryLifecycleTests
{
    private static readonly DateTimeOffset Start = HistoryRecords.Start;

    [Fact]
    public void A_call_s_stages_become_one_record_with_the_rule_that_decided_and_whether_it_was_spoken()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var telemetry = new MonitorTelemetry(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var lifecycle = new CallLifecycle(telemetry, new FakeLogger<CallLifecycle>());
        using var events = lifecycle.Subscribe(CallHistoryWriter.Subscriber);
        var history = new CallHistory(Options.Create(new HistoryOptions()), new FakeLogger<CallHistory>());

        lifecycle.Publish(new CallDetected("c1", "+4930123456", Start, Activity: null));
        lifecycle.Publish(new CallDetected("c2", "+4930123456", Start, Activity: null));
        lifecycle.Publish(new CallIdentified("c1", new CallerIdentity(CallerKind.Contact, "Max Mustermann", "+49 170 1234567", "+491701234567")));
        lifecycle.Publish(new CallDecided("c1", DecidingRule.QuietHours, Spoken: false));
        lifecycle.Publish(new CallAnnounced("c1", DeliveryOutcome.Delivered));
        lifecycle.Publish(new CallDropped("c2"));
        lifecycle.Publish(new CallEnded("c1", Start.AddSeconds(30), "21", "Call Rejected", "403", AnnouncementPending: true));
        lifecycle.Publish(new CallLost("c2", AnnouncementPending: true));
        while (events.Events.TryRead(out var callEvent))
        {
            history.Apply(callEvent);
        }

        Assert.True(history.Completed.TryRead(out var first));
        Assert.True(history.Completed.TryRead(out var second));
        Assert.Equal(
            ("c1", CallOutcome.Announced, (DecidingRule?)DecidingRule.QuietHours, (bool?)false, CallEnding.Rejected, "Max Mustermann"),
            (first.CallId, first.Outcome, first.Rule, first.Spoken, first.Ended, first.CallerName));
        Assert.Equal(("c2", CallOutcome.Failed, CallEnding.Lost), (second.CallId, second.Outcome, second.Ended));
    }
}
