using System.Net;
using System.Net.Sockets;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// Loopback ports nobody holds right now, from the ephemeral range: never 5060/5038, which other tests and a local
/// Aspire run use. Asterisk binds its SIP port for UDP and TCP, so that one must be free for both.
/// </summary>
internal static class FreePorts
{
    public static int Udp(string address = "127.0.0.1")
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public static int Tcp()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static int UdpAndTcp()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Tcp();
            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("No loopback port free for both UDP and TCP.");
    }
}
