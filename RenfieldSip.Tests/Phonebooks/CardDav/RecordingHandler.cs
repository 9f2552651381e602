using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;

namespace RenfieldSip.Tests.Phonebooks.CardDav;

/// <summary>
/// Sits in the CardDAV client's HttpClient and records every answered request (method, path, Depth, REPORT kind and the hrefs
/// a multiget asks for); optionally answers a multiget itself with 501, as a server without multiget would.
/// </summary>
internal sealed partial class RecordingHandler(bool refuseMultiget = false) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> Multigets => [.. _requests.Where(r => r.Body.Contains("addressbook-multiget", StringComparison.Ordinal))];

    public void Clear() => _requests.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var depth = request.Headers.TryGetValues("Depth", out var values) ? values.Single() : null;
        var hrefs = HrefPattern().Matches(body).Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).ToList();
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!.AbsolutePath, depth, body, hrefs);
        if (refuseMultiget && body.Contains("addressbook-multiget", StringComparison.Ordinal))
        {
            _requests.Enqueue(recorded);
            return new HttpResponseMessage(HttpStatusCode.NotImplemented) { RequestMessage = request };
        }

        // Recorded once answered: a connection Radicale dropped before reading the request (which the client asks
        // again) cost the server nothing.
        var response = await base.SendAsync(request, cancellationToken);
        _requests.Enqueue(recorded);
        return response;
    }

    [GeneratedRegex("<(?:[A-Za-z]+:)?href>([^<]*)</(?:[A-Za-z]+:)?href>")]
    private static partial Regex HrefPattern();
}
