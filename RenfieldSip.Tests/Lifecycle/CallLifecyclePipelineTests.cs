using RenfieldSip.Monitor.Lifecycle;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Lifecycle;

/// <summary>What the real monitor publishes for a call, from AMI events in to Renfield's answer.</summary>
public sealed class CallLifecyclePipelineTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_is_published_detected_identified_decided_announced_and_ended_once_each_in_that_order()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        using var events = harness.Monitor.GetRequiredService<CallLifecycle>().Subscribe("test");
        var connection = await harness.Ami.WaitForLoginAsync(1, TimeSpan.FromSeconds(10));
        var call = SyntheticCall.Numbered(1);

        await connection.SendAsync(call.Complete);
        var stages = await StagesAsync(events, call.UniqueId, done: seen => seen.OfType<CallAnnounced>().Any() && seen.OfType<CallEnded>().Any());

        // The hangup is read on the AMI loop while a worker announces: only its place after the detection is fixed.
        var announcement = stages.Where(e => e is not CallEnded).Select(e => e.GetType()).ToList();
        Assert.Equal([typeof(CallDetected), typeof(CallIdentified), typeof(CallDecided), typeof(CallAnnounced)], announcement);
        var detected = Assert.IsType<CallDetected>(stages[0]);
        Assert.Equal(("+4930123456", false), (detected.Did, detected.TestCall));
        Assert.Equal(call.CallerNumber, Assert.Single(stages.OfType<CallIdentified>()).Caller.E164);
        Assert.Equal((null, true), (Assert.Single(stages.OfType<CallDecided>()).Rule, Assert.Single(stages.OfType<CallDecided>()).Spoken));
        Assert.True(Assert.Single(stages.OfType<CallAnnounced>()).Delivered);
        var ended = Assert.Single(stages.OfType<CallEnded>());
        Assert.True(ended.AnnouncementPending);
    }

    [Fact]
    public async Task The_test_call_is_published_as_such_and_ends_with_its_announcement()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        using var events = harness.Monitor.GetRequiredService<CallLifecycle>().Subscribe("test");

        var (status, _) = await EndToEndHarness.TestCallAsync(harness.Monitor, number: null, name: "Probe", Cancellation);
        Assert.Equal(200, status);
        var stages = await StagesAsync(events, callId: null, done: seen => seen.OfType<CallAnnounced>().Any());

        var detected = Assert.IsType<CallDetected>(stages[0]);
        Assert.True(detected.TestCall);
        Assert.StartsWith("test-", detected.CallId, StringComparison.Ordinal);
        Assert.Equal([typeof(CallDetected), typeof(CallIdentified), typeof(CallDecided), typeof(CallAnnounced)], stages.Select(e => e.GetType()));
        Assert.Equal(DeliveryOutcome.Delivered, ((CallAnnounced)stages[^1]).Outcome);
        Assert.All(stages, e => Assert.Equal(detected.CallId, e.CallId));
    }

    /// <summary>The events of one call (null: of the first call published), read until <paramref name="done"/> says so.</summary>
    private static async Task<List<CallEvent>> StagesAsync(CallLifecycleSubscription events, string? callId, Func<List<CallEvent>, bool> done)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var stages = new List<CallEvent>();
        await foreach (var callEvent in events.Events.ReadAllAsync(timeout.Token))
        {
            callId ??= callEvent.CallId;
            if (callEvent.CallId == callId)
            {
                stages.Add(callEvent);
                if (done(stages))
                {
                    return stages;
                }
            }
        }

        return stages;
    }
}
