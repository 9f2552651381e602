using System.Text.Json;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.History;

/// <summary>The monitor's history as an HTTP client sees it.</summary>
internal static class CallHistoryApi
{
    /// <summary>GET with the owner's bearer token.</summary>
    public static async Task<(int Status, string Body)> GetAsync(MonitorUnderTest monitor, string pathAndQuery, CancellationToken cancellationToken)
    {
        using var http = EndToEndHarness.Client(monitor);
        using var response = await http.GetAsync(new Uri(pathAndQuery, UriKind.Relative), cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Waits until <c>GET /api/calls</c> lists <paramref name="count"/> calls; returns them, newest first.</summary>
    public static async Task<IReadOnlyList<JsonElement>> WaitForCallsAsync(MonitorUnderTest monitor, int count, CancellationToken cancellationToken)
    {
        var calls = await Poll.ForAsync(
            async () =>
            {
                var (_, body) = await GetAsync(monitor, "/api/calls", cancellationToken);
                using var json = JsonDocument.Parse(body);
                return json.RootElement.GetProperty("calls").EnumerateArray().Select(c => c.Clone()).ToList();
            },
            calls => calls.Count >= count,
            $"{count} calls in GET /api/calls",
            TimeSpan.FromSeconds(10),
            TimeSpan.FromMilliseconds(20),
            cancellationToken);
        return calls;
    }

    /// <summary>Waits until <c>GET /api/calls</c> lists the call <paramref name="callId"/>; returns its record.</summary>
    public static async Task<JsonElement> WaitForCallAsync(MonitorUnderTest monitor, string callId, CancellationToken cancellationToken)
    {
        var calls = await Poll.ForAsync(
            async () =>
            {
                var (_, body) = await GetAsync(monitor, "/api/calls?limit=500", cancellationToken);
                using var json = JsonDocument.Parse(body);
                return json.RootElement.GetProperty("calls").EnumerateArray().Where(c => c.GetProperty("call_id").GetString() == callId).Select(c => c.Clone()).ToList();
            },
            calls => calls.Count > 0,
            $"call {callId} in GET /api/calls",
            TimeSpan.FromSeconds(10),
            TimeSpan.FromMilliseconds(20),
            cancellationToken);
        return calls[0];
    }
}
