using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace RenfieldSip.Tests.Phonebooks.CardDav;

/// <summary>
/// What a phone or Nextcloud does to the address book, in plain HTTP: extended MKCOL (RFC 5689) to create it, PUT
/// and DELETE of text/vcard. Every call must succeed.
/// </summary>
internal static class CardDavPhone
{
    private static readonly HttpMethod Mkcol = new("MKCOL");

    public static string VCard(string uid, string name, string number) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{name}\r\nN:{name};;;;\r\nTEL;TYPE=CELL:{number}\r\nEND:VCARD\r\n";

    public static Task CreateAddressBookAsync(HttpClient phone, string path, string displayName, CancellationToken cancellationToken) =>
        MkcolAsync(phone, path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">
              <D:set><D:prop>
                <D:resourcetype><D:collection/><C:addressbook/></D:resourcetype>
                <D:displayname>{displayName}</D:displayname>
              </D:prop></D:set>
            </D:mkcol>
            """, cancellationToken);

    public static Task CreateCalendarAsync(HttpClient phone, string path, CancellationToken cancellationToken) =>
        MkcolAsync(phone, path, """
            <?xml version="1.0" encoding="utf-8"?>
            <D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:set><D:prop><D:resourcetype><D:collection/><C:calendar/></D:resourcetype></D:prop></D:set>
            </D:mkcol>
            """, cancellationToken);

    /// <summary>Creates or replaces the card; returns its new ETag.</summary>
    public static async Task<string?> PutAsync(HttpClient phone, string path, string vcard, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(phone, HttpMethod.Put, path, vcard, "text/vcard", cancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.NoContent or HttpStatusCode.OK, $"PUT {path}: {response.StatusCode}");
        return response.Headers.ETag?.ToString();
    }

    public static async Task DeleteAsync(HttpClient phone, string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(phone, HttpMethod.Delete, path, null, null, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"DELETE {path}: {response.StatusCode}");
    }

    private static async Task MkcolAsync(HttpClient phone, string path, string body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(phone, Mkcol, path, body, "application/xml", cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"MKCOL {path}: {response.StatusCode}");
    }

    // Radicale 3.1's server now and then closes a new connection before reading the request (its log shows no such
    // request), so a request that got no answer at all was not carried out and is sent again.
    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient phone, HttpMethod method, string path, string? body, string? mediaType, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType!) { CharSet = "utf-8" };
            }

            try
            {
                return await phone.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ResponseEnded && attempt < 5)
            {
            }
        }
    }
}
