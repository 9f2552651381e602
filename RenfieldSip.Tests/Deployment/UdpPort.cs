using System.Net;
using System.Net.Sockets;

namespace RenfieldSip.Tests.Deployment;

internal static class UdpPort
{
    /// <summary>A UDP port that is free on <paramref name="address"/> right now.</summary>
    public static int Free(IPAddress address)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
