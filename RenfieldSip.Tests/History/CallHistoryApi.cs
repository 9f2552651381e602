using System.Text.Json;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.History;

/// <summary>The monitor's history as an HTTP client sees it.</summary>
internal static class CallHistoryApi
{
    public static async Task<(int Status, string Body)> GetAsync(MonitorUnderTest monitor, string pathAndQuery, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = monitor.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
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
}
