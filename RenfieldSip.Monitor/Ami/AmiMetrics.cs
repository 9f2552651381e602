using System.Diagnostics.Metrics;

namespace RenfieldSip.Monitor.Ami;

/// <summary>The AMI session's instruments: read from <see cref="IAmiConnectionStatus"/> when a collector asks, so the read loop pays nothing.</summary>
internal static class AmiMetrics
{
    public static void Register(Meter meter, IAmiConnectionStatus ami)
    {
        meter.CreateObservableGauge("renfieldsip.ami.logged_in", () => ami.State == AmiConnectionState.LoggedIn ? 1 : 0, description: "1 while the AMI session is logged in.");
        meter.CreateObservableGauge("renfieldsip.ami.state", () => (int)ami.State, description: "AMI session state: 0 disconnected, 1 connecting, 2 logged in, 3 login rejected.");
        meter.CreateObservableCounter("renfieldsip.ami.events", () => ami.EventsRead, "{event}", "AMI events read.");
        meter.CreateObservableCounter("renfieldsip.ami.bytes", () => ami.BytesRead, "By", "Bytes read from AMI.");
        meter.CreateObservableCounter("renfieldsip.ami.reconnects", () => ami.Reconnects, "{connection}", "AMI connection attempts after the first.");
        meter.CreateObservableCounter("renfieldsip.ami.protocol_errors", () => ami.ProtocolErrors, "{error}", "AMI sessions ended by bytes that were not AMI.");
        meter.CreateObservableCounter("renfieldsip.ami.login_failures", () => ami.LoginFailures, "{attempt}", "AMI logins refused.");
    }
}
