using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Xml;

namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <summary>
/// Sends one PROPFIND or REPORT and returns its multistatus, or throws a <see cref="CardDavException"/> whose kind and
/// message say what went wrong. Every request, body read included, is bounded by <see cref="RequestTimeout"/> and
/// every answer by <see cref="MaxResponseBytes"/>.
/// </summary>
internal sealed class CardDavTransport(HttpClient http, Uri origin, AuthenticationHeaderValue? authorization, TimeProvider timeProvider)
{
    private const int MaxRedirects = 5;
    private const int MaxRetries = 2;
    private static readonly MediaTypeHeaderValue XmlContentType = new("application/xml") { CharSet = "utf-8" };

    // An HTTP/1.0 server (Radicale's wsgiref) closes every connection after its answer, but HttpClient keeps
    // HTTP/1.0 connections pooled and may send the next request into one whose close it has not seen yet. Once a
    // server answers HTTP/1.0, our requests say "Connection: close" so none is pooled.
    private bool _closeConnections;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    public int MaxResponses { get; set; } = 100_000;

    public int RequestCount { get; private set; }

    public Task<CardDavAnswer> PropfindAsync(Uri url, int depth, byte[] body, CancellationToken cancellationToken) =>
        SendAsync(new HttpMethod("PROPFIND"), url, depth, body, cancellationToken);

    public Task<CardDavAnswer> ReportAsync(Uri url, byte[] body, CancellationToken cancellationToken) =>
        SendAsync(new HttpMethod("REPORT"), url, 1, body, cancellationToken);

    private async Task<CardDavAnswer> SendAsync(HttpMethod method, Uri url, int depth, byte[] body, CancellationToken cancellationToken)
    {
        var target = url;
        var retries = 0;
        for (var hop = 0; ; hop++)
        {
            using var timeout = new CancellationTokenSource(RequestTimeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                using var request = Request(method, target, depth, body);
                RequestCount++;
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                var answeredBy = response.RequestMessage?.RequestUri ?? target;
                var status = (int)response.StatusCode;
                if (response.Version == HttpVersion.Version10 && !response.Headers.Connection.Contains("keep-alive", StringComparer.OrdinalIgnoreCase))
                {
                    _closeConnections = true;
                }

                // HttpClient's own redirect handling drops the Authorization header (so a redirect cannot hand the
                // credentials to another host); on our own host the request is repeated where it landed, with them.
                if (status == 401 && answeredBy != target && authorization is not null && OnOrigin(answeredBy) && hop < MaxRedirects)
                {
                    target = answeredBy;
                    continue;
                }

                // Where the handler does not follow redirects (/.well-known/carddav answers 301), we do.
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location && hop < MaxRedirects)
                {
                    target = new Uri(answeredBy, location);
                    continue;
                }

                ThrowOnStatus(method, target, status);
                await using var document = await ReadBoundedAsync(response.Content, target, linked.Token);
                return new CardDavAnswer(answeredBy, CardDavMultistatusReader.Read(document, MaxResponses));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException e)
            {
                // Our timeout, or the HttpClient's own (shorter) Timeout.
                var seconds = RequestTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                throw new CardDavException(CardDavFailure.Timeout, $"CardDAV server {Show(target)} did not answer within {seconds} s", e);
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ResponseEnded && retries < MaxRetries)
            {
                // The connection closed before any answer: a pooled one the server had closed, or Radicale 3.1's
                // server, which now and then drops a fresh connection before reading the request. PROPFIND and
                // REPORT only read, so asking again on a new connection is safe.
                retries++;
                _closeConnections = true;
                hop--;
            }
            catch (HttpRequestException e)
            {
                throw Unreachable(target, e);
            }
            catch (IOException e)
            {
                throw new CardDavException(CardDavFailure.Unreachable, $"The connection to CardDAV server {Show(target)} broke off", e);
            }
            catch (XmlException e)
            {
                throw new CardDavException(
                    CardDavFailure.Protocol,
                    $"CardDAV server {Show(target)} sent malformed or forbidden XML (line {e.LineNumber}, position {e.LinePosition}) to {method}",
                    e);
            }
            catch (InvalidDataException e)
            {
                throw new CardDavException(CardDavFailure.Protocol, $"CardDAV server {Show(target)} sent an unusable answer to {method}: {e.Message}", e);
            }
        }
    }

    public static string Show(Uri url) => CardDavUrl.Display(url);

    private HttpRequestMessage Request(HttpMethod method, Uri target, int depth, byte[] body)
    {
        var request = new HttpRequestMessage(method, target)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = XmlContentType } },
        };
        request.Headers.TryAddWithoutValidation("Depth", depth.ToString(CultureInfo.InvariantCulture));
        if (_closeConnections)
        {
            request.Headers.ConnectionClose = true;
        }

        // Only to the configured host: a redirect elsewhere gets no credentials.
        if (authorization is not null && OnOrigin(target))
        {
            request.Headers.Authorization = authorization;
        }

        return request;
    }

    /// <summary>The configured host, on its scheme or upgraded from http to https (never downgraded).</summary>
    private bool OnOrigin(Uri url) =>
        string.Equals(url.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
        && (url.Scheme == origin.Scheme ? url.Port == origin.Port : url.Scheme == Uri.UriSchemeHttps);

    private void ThrowOnStatus(HttpMethod method, Uri target, int status)
    {
        switch (status)
        {
            case >= 200 and < 300:
                return;
            case 401 when authorization is null:
                throw new CardDavException(
                    CardDavFailure.Unauthorized,
                    $"CardDAV server {Show(target)} asks for a user name and password (HTTP 401): configure them",
                    statusCode: status);
            case 401:
                throw new CardDavException(
                    CardDavFailure.Unauthorized,
                    $"CardDAV server {Show(target)} refused the credentials (HTTP 401): check the user name and app password",
                    statusCode: status);
            case 403:
                throw new CardDavException(
                    CardDavFailure.Unauthorized,
                    $"CardDAV server {Show(target)} denied access (HTTP 403): check the user name and app password, and that this user may read the address book",
                    statusCode: status);
            case 404 or 410:
                throw new CardDavException(
                    CardDavFailure.NotFound,
                    $"CardDAV server has nothing at {Show(target)} (HTTP {status}): check the address book URL",
                    statusCode: status);
            default:
                throw new CardDavException(
                    CardDavFailure.Protocol,
                    $"CardDAV server {Show(target)} answered {method} with HTTP {status}",
                    statusCode: status);
        }
    }

    private async Task<MemoryStream> ReadBoundedAsync(HttpContent content, Uri target, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxResponseBytes)
        {
            throw TooLarge(target);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var document = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (document.Length + read > MaxResponseBytes)
            {
                await document.DisposeAsync();
                throw TooLarge(target);
            }

            document.Write(buffer, 0, read);
        }

        document.Position = 0;
        return document;
    }

    private CardDavException TooLarge(Uri target)
    {
        var limit = MaxResponseBytes >= 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{MaxResponseBytes / (1024 * 1024)} MiB")
            : string.Create(CultureInfo.InvariantCulture, $"{MaxResponseBytes} bytes");
        return new(CardDavFailure.Protocol, $"CardDAV server {Show(target)} sent an answer over the {limit} limit");
    }

    private static CardDavException Unreachable(Uri target, HttpRequestException e)
    {
        var (kind, reason) = e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => (CardDavFailure.Unreachable, $"the host name {target.Host} cannot be resolved: check the URL"),
            HttpRequestError.ConnectionError => (CardDavFailure.Unreachable, "the connection was refused or the host cannot be reached: check the host, the port and that the server runs"),
            HttpRequestError.SecureConnectionError => (CardDavFailure.Unreachable, "the TLS handshake failed: check https and the server's certificate"),
            HttpRequestError.ProxyTunnelError => (CardDavFailure.Unreachable, "the proxy refused the connection"),
            HttpRequestError.ResponseEnded => (CardDavFailure.Unreachable, "the server closed the connection without an answer"),
            _ => (CardDavFailure.Protocol, "the answer is not valid HTTP"),
        };

        return new CardDavException(kind, $"CardDAV server {Show(target)} cannot be used: {reason}", e, (int?)e.StatusCode);
    }
}
