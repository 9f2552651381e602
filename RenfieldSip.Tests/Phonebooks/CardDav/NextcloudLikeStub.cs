using System.Net;
using Microsoft.AspNetCore.Http;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Phonebooks.CardDav;

/// <summary>
/// What a Nextcloud (sabre/dav) does that Radicale does not: a root that refuses PROPFIND, <c>/.well-known/carddav</c>
/// as a redirect (Nextcloud's .htaccess: 301 to <c>/remote.php/dav/</c>), principals and address book homes in separate
/// trees, a generated "recently contacted" book beside "contacts", hrefs as absolute URLs naming the internal host,
/// and a multiget answering with the href unescaped where the listing escaped it. Without Basic auth every answer is 401.
/// </summary>
internal static class NextcloudLikeStub
{
    public const string Card = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:j\r\nFN:Jürgen Müller\r\nTEL:+491701234567\r\nEND:VCARD\r\n";
    private const string Dav = "/remote.php/dav/";
    private const string Home = Dav + "addressbooks/users/max/";
    private const string Contacts = Home + "contacts/";

    public static Task<WebhookListener> StartAsync(CancellationToken cancellationToken) =>
        WebhookListener.StartAsync(IPAddress.Loopback, 0, TimeProvider.System, (context, _) => AnswerAsync(context), cancellationToken);

    private static async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (path == "/.well-known/carddav")
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = Dav;
            return;
        }

        if (!request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var depth = request.Headers["Depth"].ToString();
        var body = (request.Method, path, depth) switch
        {
            ("PROPFIND", Dav, "0") => Response(Dav, "<d:resourcetype><d:collection/></d:resourcetype><d:current-user-principal><d:href>/remote.php/dav/principals/users/max/</d:href></d:current-user-principal>"),
            ("PROPFIND", "/remote.php/dav/principals/users/max/", "0") => Response("/remote.php/dav/principals/users/max/", $"<d:resourcetype><d:principal/></d:resourcetype><card:addressbook-home-set><d:href>{Home}</d:href></card:addressbook-home-set>"),
            ("PROPFIND", Home, "1") =>
                Response(Home, "<d:resourcetype><d:collection/></d:resourcetype>")
                + Response("http://nextcloud.internal:8080" + Home + "z-app-generated--contactsinteraction--recent/", "<d:resourcetype><d:collection/><card:addressbook/></d:resourcetype><cs:getctag>r1</cs:getctag>")
                + Response("http://nextcloud.internal:8080" + Contacts, "<d:resourcetype><d:collection/><card:addressbook/></d:resourcetype><cs:getctag>c1</cs:getctag><d:sync-token>http://sabre.io/ns/sync/7</d:sync-token>"),
            ("PROPFIND", Contacts, "1") =>
                Response(Contacts, "<d:resourcetype><d:collection/><card:addressbook/></d:resourcetype>")
                + Response(Contacts + "J%C3%BCrgen%20M.vcf", "<d:resourcetype/><d:getetag>\"e1\"</d:getetag>"),
            ("REPORT", Contacts, "1") => Response(Contacts + "Jürgen M.vcf", $"<d:getetag>\"e1\"</d:getetag><card:address-data>{Card}</card:address-data>"),
            _ => null,
        };

        if (body is null)
        {
            context.Response.StatusCode = request.Method == "PROPFIND" && path == "/" ? StatusCodes.Status405MethodNotAllowed : StatusCodes.Status404NotFound;
            return;
        }

        context.Response.StatusCode = 207;
        context.Response.ContentType = "application/xml; charset=utf-8";
        await context.Response.WriteAsync(
            $"<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\" xmlns:card=\"urn:ietf:params:xml:ns:carddav\" xmlns:cs=\"http://calendarserver.org/ns/\">{body}</d:multistatus>",
            context.RequestAborted);
    }

    private static string Response(string href, string properties) =>
        $"<d:response><d:href>{href}</d:href><d:propstat><d:prop>{properties}</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>";
}
