using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RenfieldSip.Monitor.Trunk;

namespace RenfieldSip.Tests.Trunk;

public sealed class TrunkEventHandlerTests
{
    private readonly FakeLogCollector _logs = new();
    private readonly TrunkStatus _status = new();
    private readonly TrunkEventHandler _handler;

    public TrunkEventHandlerTests() => _handler = new TrunkEventHandler(_status, new FakeLogger<TrunkEventHandler>(_logs));

    [Fact]
    public async Task Before_any_report_the_trunk_is_healthy_and_says_it_waits_for_Asterisk()
    {
        var result = await new TrunkHealthCheck(_status).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.StartsWith("SIP trunk registration not reported yet", result.Description, StringComparison.Ordinal);
        Assert.Empty(_logs.GetSnapshot());
    }

    [Fact]
    public void Registered_is_logged_once_and_refreshes_add_no_line()
    {
        TrunkEvents.Feed(_handler, TrunkEvents.Registry("Registered"), TrunkEvents.Registry("Registered"), TrunkEvents.Registry("Registered"));

        var line = Assert.Single(_logs.GetSnapshot());
        Assert.Equal((1600, LogLevel.Information, "SIP trunk registered at 127.0.0.1:5171."), (line.Id.Id, line.Level, line.Message));
        Assert.Equal(TrunkCondition.Registered, _status.Diagnosis.Condition);
    }

    [Fact]
    public void Rejected_while_the_registrar_answers_keep_alives_names_the_credentials()
    {
        TrunkEvents.Feed(_handler, TrunkEvents.ContactStatus("Reachable"), TrunkEvents.Registry("Rejected"), TrunkEvents.Registry("Rejected"));

        var line = Assert.Single(_logs.GetSnapshot());
        Assert.Equal((1601, LogLevel.Warning), (line.Id.Id, line.Level));
        Assert.Equal(
            "SIP provider at 127.0.0.1:5171 refused the registration (SIP 401/403: wrong credentials). Fix: check SIP_USERNAME and SIP_PASSWORD (sipgate: the device's SIP-ID, not the login e-mail), then recreate the asterisk container.",
            line.Message);
        Assert.Equal(HealthStatus.Degraded, _status.Diagnosis.Health);
    }

    [Fact]
    public void Rejected_while_the_registrar_is_silent_names_registrar_DNS_and_firewall_and_its_return_is_not_mistaken_for_a_refusal()
    {
        TrunkEvents.Feed(_handler, TrunkEvents.ContactStatus("Unreachable"), TrunkEvents.Registry("Rejected"));
        var silent = _status.Diagnosis;
        TrunkEvents.Feed(_handler, TrunkEvents.ContactStatus("Reachable"));
        var recovering = _status.Diagnosis;
        TrunkEvents.Feed(_handler, TrunkEvents.Registry("Registered"));

        Assert.Equal(TrunkCondition.RegistrarSilent, silent.Condition);
        Assert.Contains("SIP_REGISTRAR", silent.Description, StringComparison.Ordinal);
        Assert.Contains("DNS", silent.Description, StringComparison.Ordinal);
        Assert.Contains("firewall", silent.Description, StringComparison.Ordinal);
        Assert.Equal(TrunkCondition.Recovering, recovering.Condition);
        Assert.Equal([1602, 1607, 1600], _logs.GetSnapshot().Select(r => r.Id.Id));
    }

    [Fact]
    public void Keep_alives_unanswered_while_registered_degrade_the_trunk_until_the_next_successful_registration()
    {
        TrunkEvents.Feed(_handler, TrunkEvents.Registry("Registered"), TrunkEvents.ContactStatus("Unreachable"));
        var unanswered = _status.Diagnosis;
        TrunkEvents.Feed(_handler, TrunkEvents.Registry("Registered"));

        Assert.Equal((TrunkCondition.KeepAliveUnanswered, HealthStatus.Degraded), (unanswered.Condition, unanswered.Health));
        Assert.Equal(TrunkCondition.Registered, _status.Diagnosis.Condition);
        Assert.Equal([1600, 1603, 1600], _logs.GetSnapshot().Select(r => r.Id.Id));
    }

    [Fact]
    public void Keep_alives_that_failed_before_the_registration_neither_degrade_it_nor_turn_a_later_timeout_into_a_refusal()
    {
        // A provider that ignores OPTIONS, or a keep-alive lost before the first REGISTER: Asterisk says Unreachable
        // once and then nothing until that changes. The registrar that later goes silent must not read as a refusal.
        TrunkEvents.Feed(_handler, TrunkEvents.ContactStatus("Unreachable"), TrunkEvents.Registry("Registered"));
        var registered = _status.Diagnosis;
        TrunkEvents.Feed(_handler, TrunkEvents.Registry("Rejected"));

        Assert.Equal(TrunkCondition.Registered, registered.Condition);
        Assert.Equal(TrunkCondition.RegistrarSilent, _status.Diagnosis.Condition);
        Assert.Equal([1602, 1600, 1602], _logs.GetSnapshot().Select(r => r.Id.Id));
    }

    [Fact]
    public void A_rejection_seen_without_keep_alive_news_names_both_fixes()
    {
        TrunkEvents.Feed(_handler, TrunkEvents.Registry("Rejected"));

        var line = Assert.Single(_logs.GetSnapshot());
        Assert.Equal(1604, line.Id.Id);
        Assert.Contains("SIP_PASSWORD", line.Message, StringComparison.Ordinal);
        Assert.Contains("SIP_REGISTRAR", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stopped_registration_is_not_registered()
    {
        TrunkEvents.Feed(_handler, TrunkEvents.Registry("Registered"), TrunkEvents.Registry("Unregistered"));

        Assert.Equal((TrunkCondition.NotRegistered, HealthStatus.Degraded), (_status.Diagnosis.Condition, _status.Diagnosis.Health));
        Assert.Equal([1600, 1605], _logs.GetSnapshot().Select(r => r.Id.Id));
    }

    [Fact]
    public void Other_channel_drivers_other_AORs_and_other_events_are_ignored()
    {
        TrunkEvents.Feed(
            _handler,
            TrunkEvents.Registry("Rejected", channelType: "SIP"),
            TrunkEvents.ContactStatus("Unreachable", aor: "some-phone"),
            TrunkEvents.ContactStatus("Created"),
            "Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted");

        Assert.Equal(TrunkCondition.NotReported, _status.Diagnosis.Condition);
        Assert.Empty(_logs.GetSnapshot());
    }

    [Fact]
    public void The_SIP_username_never_reaches_the_log_or_health()
    {
        TrunkEvents.Feed(_handler, TrunkEvents.Registry("Registered"), TrunkEvents.ContactStatus("Unreachable"), TrunkEvents.Registry("Rejected"));

        Assert.All(_logs.GetSnapshot(), r => Assert.DoesNotContain("4930123456", r.Message, StringComparison.Ordinal));
        Assert.DoesNotContain("4930123456", _status.Diagnosis.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sip:sipconnect.sipgate.de", "sipconnect.sipgate.de")]
    [InlineData("sip:voip.easybell.de:5060;transport=udp", "voip.easybell.de:5060")]
    [InlineData("sip:1234567e0@sipconnect.sipgate.de", "sipconnect.sipgate.de")]
    [InlineData("sips:[2001:db8::1]:5061", "[2001:db8::1]:5061")]
    [InlineData("sip:bad host", null)]
    [InlineData("sip:", null)]
    public void The_registrar_is_shown_as_host_and_port_only(string uri, string? expected) =>
        Assert.Equal(expected, TrunkEventHandler.RegistrarOf(System.Text.Encoding.ASCII.GetBytes(uri)));
}
