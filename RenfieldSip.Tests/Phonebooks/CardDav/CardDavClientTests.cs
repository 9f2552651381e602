using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using RenfieldSip.Monitor.Phonebooks.CardDav;
using RenfieldSip.Tests.Sip;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Phonebooks.CardDav;

/// <summary>
/// The CardDAV client against a real Radicale, changed underneath by plain HTTP as a phone would; and against stubs
/// for what Radicale will not do: never answer, or answer with hostile XML.
/// </summary>
public sealed class CardDavClientTests(RadicaleFixture fixture) : IClassFixture<RadicaleFixture>, IDisposable
{
    private readonly List<IDisposable> _disposables = [];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_sync_from_the_address_book_URL_returns_every_card_with_umlauts_in_three_requests()
    {
        var book = await fixture.NewAddressBookAsync(Cancellation);
        using var phone = fixture.Server.ClientFor(RadicaleFixture.Max);
        await CardDavPhone.PutAsync(phone, book.AbsolutePath + "juergen.vcf", CardDavPhone.VCard("j", "Jürgen Müller", "+491701234567"), Cancellation);
        await CardDavPhone.PutAsync(phone, book.AbsolutePath + "h%C3%A4nsel%20gretel.vcf", CardDavPhone.VCard("hg", "Hänsel & Gretel", "+4930123456"), Cancellation);
        var (client, handler) = ClientFor(book, RadicaleFixture.Max);

        var result = await client.SyncAsync(null, Cancellation);

        Assert.True(result.Changed);
        Assert.Equal(2, result.Cards.Count);
        Assert.Contains(result.Cards, c => c.VCardText.Contains("FN:Jürgen Müller", StringComparison.Ordinal) && c.Href == book.AbsolutePath + "juergen.vcf");
        Assert.Contains(result.Cards, c => c.VCardText.Contains("FN:Hänsel & Gretel", StringComparison.Ordinal));
        Assert.All(result.Cards, c => Assert.StartsWith("\"", c.ETag, StringComparison.Ordinal));
        Assert.True(CardDavHref.SameCollection(book, result.State.AddressBookUrl));
        Assert.Equal(["PROPFIND 0", "PROPFIND 1", "REPORT 1"], handler.Requests.Select(r => $"{r.Method} {r.Depth}"));
    }

    [Fact]
    public async Task A_second_sync_with_nothing_changed_is_unchanged_and_costs_one_request()
    {
        var book = await fixture.NewAddressBookAsync(Cancellation);
        using var phone = fixture.Server.ClientFor(RadicaleFixture.Max);
        await CardDavPhone.PutAsync(phone, book.AbsolutePath + "a.vcf", CardDavPhone.VCard("a", "Anton", "+491701"), Cancellation);
        var (client, handler) = ClientFor(book, RadicaleFixture.Max);
        var first = await client.SyncAsync(null, Cancellation);
        handler.Clear();

        var second = await client.SyncAsync(first.State, Cancellation);

        Assert.False(second.Changed);
        Assert.Empty(second.Cards);
        Assert.Same(first.State, second.State);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(("PROPFIND", "0"), (request.Method, request.Depth));
    }

    [Fact]
    public async Task Add_change_and_delete_show_in_the_next_sync_and_only_the_new_and_changed_cards_are_fetched()
    {
        var book = await fixture.NewAddressBookAsync(Cancellation);
        var path = book.AbsolutePath;
        using var phone = fixture.Server.ClientFor(RadicaleFixture.Max);
        await CardDavPhone.PutAsync(phone, path + "keep.vcf", CardDavPhone.VCard("keep", "Bleibt Gleich", "+491"), Cancellation);
        await CardDavPhone.PutAsync(phone, path + "change%20me.vcf", CardDavPhone.VCard("change", "Alter Name", "+492"), Cancellation);
        await CardDavPhone.PutAsync(phone, path + "delete.vcf", CardDavPhone.VCard("delete", "Weg Damit", "+493"), Cancellation);
        var (client, handler) = ClientFor(book, RadicaleFixture.Max);
        var first = await client.SyncAsync(null, Cancellation);
        var kept = first.Cards.Single(c => c.Href.EndsWith("keep.vcf", StringComparison.Ordinal));

        await CardDavPhone.PutAsync(phone, path + "new.vcf", CardDavPhone.VCard("new", "Neu Hinzugefügt", "+494"), Cancellation);
        await CardDavPhone.PutAsync(phone, path + "change%20me.vcf", CardDavPhone.VCard("change", "Neuer Name Größe", "+492"), Cancellation);
        await CardDavPhone.DeleteAsync(phone, path + "delete.vcf", Cancellation);
        handler.Clear();
        var second = await client.SyncAsync(first.State, Cancellation);

        Assert.True(second.Changed);
        Assert.Equal(
            [path + "change%20me.vcf", path + "keep.vcf", path + "new.vcf"],
            second.Cards.Select(c => c.Href));
        Assert.Contains("FN:Neuer Name Größe", second.Cards[0].VCardText, StringComparison.Ordinal);
        Assert.Same(kept, second.Cards[1]);
        Assert.Contains("FN:Neu Hinzugefügt", second.Cards[2].VCardText, StringComparison.Ordinal);
        var multiget = Assert.Single(handler.Multigets);
        Assert.Equal([path + "change me.vcf", path + "new.vcf"], multiget.Hrefs.Order(StringComparer.Ordinal));
        Assert.Equal(3, handler.Requests.Count);

        handler.Clear();
        var third = await client.SyncAsync(second.State, Cancellation);
        Assert.False(third.Changed);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_deletion_alone_needs_no_multiget()
    {
        var book = await fixture.NewAddressBookAsync(Cancellation);
        using var phone = fixture.Server.ClientFor(RadicaleFixture.Max);
        await CardDavPhone.PutAsync(phone, book.AbsolutePath + "a.vcf", CardDavPhone.VCard("a", "Anton", "+491"), Cancellation);
        await CardDavPhone.PutAsync(phone, book.AbsolutePath + "b.vcf", CardDavPhone.VCard("b", "Berta", "+492"), Cancellation);
        var (client, handler) = ClientFor(book, RadicaleFixture.Max);
        var first = await client.SyncAsync(null, Cancellation);

        await CardDavPhone.DeleteAsync(phone, book.AbsolutePath + "b.vcf", Cancellation);
        handler.Clear();
        var second = await client.SyncAsync(first.State, Cancellation);

        Assert.True(second.Changed);
        Assert.Equal([book.AbsolutePath + "a.vcf"], second.Cards.Select(c => c.Href));
        Assert.Empty(handler.Multigets);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Multiget_asks_for_at_most_a_batch_of_cards_per_request()
    {
        var book = await fixture.NewAddressBookAsync(Cancellation);
        using var phone = fixture.Server.ClientFor(RadicaleFixture.Max);
        for (var i = 0; i < 5; i++)
        {
            await CardDavPhone.PutAsync(phone, $"{book.AbsolutePath}{i}.vcf", CardDavPhone.VCard($"u{i}", $"Person {i}", $"+4917{i}"), Cancellation);
        }

        var (client, handler) = ClientFor(book, RadicaleFixture.Max, batchSize: 2);

        var result = await client.SyncAsync(null, Cancellation);

        Assert.Equal(5, result.Cards.Count);
        Assert.Equal([2, 2, 1], handler.Multigets.Select(m => m.Hrefs.Count));
    }

    [Fact]
    public async Task Where_multiget_is_refused_one_addressbook_query_fetches_every_card()
    {
        var book = await fixture.NewAddressBookAsync(Cancellation);
        using var phone = fixture.Server.ClientFor(RadicaleFixture.Max);
        await CardDavPhone.PutAsync(phone, book.AbsolutePath + "a.vcf", CardDavPhone.VCard("a", "Änne", "+491"), Cancellation);
        await CardDavPhone.PutAsync(phone, book.AbsolutePath + "b.vcf", CardDavPhone.VCard("b", "Bert", "+492"), Cancellation);
        var (client, handler) = ClientFor(book, RadicaleFixture.Max, refuseMultiget: true);

        var result = await client.SyncAsync(null, Cancellation);

        Assert.Equal(2, result.Cards.Count);
        Assert.Contains(result.Cards, c => c.VCardText.Contains("FN:Änne", StringComparison.Ordinal));
        Assert.Contains(handler.Requests, r => r.Body.Contains("addressbook-query", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Discovers_the_address_book_from_the_principal_URL_skipping_the_calendar()
    {
        var (client, handler) = ClientFor(fixture.Server.Url($"/{RadicaleFixture.Anna}/"), RadicaleFixture.Anna);

        var result = await client.SyncAsync(null, Cancellation);

        Assert.Equal(RadicaleFixture.AnnaAddressBookPath, result.State.AddressBookUrl.AbsolutePath);
        Assert.Contains("FN:Zoë Ångström", Assert.Single(result.Cards).VCardText, StringComparison.Ordinal);
        Assert.Equal(4, handler.Requests.Count);

        handler.Clear();
        Assert.False((await client.SyncAsync(result.State, Cancellation)).Changed);
        Assert.Equal(RadicaleFixture.AnnaAddressBookPath, Assert.Single(handler.Requests).Path);
    }

    [Fact]
    public async Task Discovers_the_address_book_from_the_server_root()
    {
        var (client, _) = ClientFor(fixture.Server.BaseUrl, RadicaleFixture.Anna);

        var result = await client.SyncAsync(null, Cancellation);

        Assert.Equal(RadicaleFixture.AnnaAddressBookPath, result.State.AddressBookUrl.AbsolutePath);
        Assert.Single(result.Cards);
    }

    [Fact]
    public async Task From_a_root_that_refuses_PROPFIND_the_well_known_redirect_leads_to_the_first_address_book_by_path()
    {
        await using var stub = await NextcloudLikeStub.StartAsync(Cancellation);
        var handler = Track(new RecordingHandler());
        var client = new CardDavClient(Track(new HttpClient(handler)), stub.BaseAddress, "max", "app-passwort");

        var result = await client.SyncAsync(null, Cancellation);

        Assert.Equal("/remote.php/dav/addressbooks/users/max/contacts/", result.State.AddressBookUrl.AbsolutePath);
        Assert.Equal(stub.BaseAddress.Authority, result.State.AddressBookUrl.Authority);
        var card = Assert.Single(result.Cards);
        Assert.Equal("/remote.php/dav/addressbooks/users/max/contacts/J%C3%BCrgen%20M.vcf", card.Href);
        Assert.Equal("\"e1\"", card.ETag);
        Assert.Contains("FN:Jürgen Müller", card.VCardText, StringComparison.Ordinal);
        Assert.Equal(("c1", "http://sabre.io/ns/sync/7"), (result.State.CTag, result.State.SyncToken));

        // HttpClient follows the 301 itself but drops the Authorization header; the client asks again where it landed.
        Assert.Equal(
            ["/", "/.well-known/carddav", "/remote.php/dav/", "/remote.php/dav/principals/users/max/", "/remote.php/dav/addressbooks/users/max/",
             "/remote.php/dav/addressbooks/users/max/contacts/", "/remote.php/dav/addressbooks/users/max/contacts/"],
            handler.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_listing_longer_than_the_card_cap_is_a_Protocol_failure()
    {
        await using var stub = await NextcloudLikeStub.StartAsync(Cancellation);
        var url = new Uri(stub.BaseAddress, "/remote.php/dav/principals/users/max/");
        var client = new CardDavClient(Track(new HttpClient()), url, "max", "app-passwort") { MaxCards = 1 };

        var error = await Assert.ThrowsAsync<CardDavException>(() => client.SyncAsync(null, Cancellation));

        Assert.Equal(CardDavFailure.Protocol, error.Kind);
        Assert.Contains("more than 2 responses", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_in_the_URL_are_used_and_never_printed()
    {
        var password = RadicaleFixture.Users[RadicaleFixture.Anna];
        var withUserInfo = new UriBuilder(fixture.Server.Url(RadicaleFixture.AnnaAddressBookPath)) { UserName = RadicaleFixture.Anna, Password = Uri.EscapeDataString(password) }.Uri;
        var http = Track(new HttpClient());

        var client = new CardDavClient(http, withUserInfo, null, null);
        var result = await client.SyncAsync(null, Cancellation);
        var wrong = new CardDavClient(http, new UriBuilder(withUserInfo) { Password = "falsch-im-url" }.Uri, null, null);
        var error = await Assert.ThrowsAsync<CardDavException>(() => wrong.SyncAsync(null, Cancellation));

        Assert.Single(result.Cards);
        Assert.DoesNotContain(RadicaleFixture.Anna + ":", client.DisplayUrl, StringComparison.Ordinal);
        Assert.Equal(CardDavFailure.Unauthorized, error.Kind);
        Assert.DoesNotContain("falsch-im-url", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(fixture.Server.Url(RadicaleFixture.AnnaAddressBookPath).ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_Unauthorized_and_the_message_names_the_URL_without_the_password()
    {
        var book = fixture.Server.Url(RadicaleFixture.AnnaAddressBookPath);
        var http = Track(new HttpClient());
        var client = new CardDavClient(http, book, RadicaleFixture.Anna, "ganz-falsches-passwort");

        var error = await Assert.ThrowsAsync<CardDavException>(() => client.SyncAsync(null, Cancellation));

        Assert.Equal(CardDavFailure.Unauthorized, error.Kind);
        Assert.Equal($"CardDAV server {book} refused the credentials (HTTP 401): check the user name and app password", error.Message);
        Assert.DoesNotContain("ganz-falsches-passwort", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Basic", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_address_book_is_Unauthorized()
    {
        var (client, _) = ClientFor(fixture.Server.Url(RadicaleFixture.AnnaAddressBookPath), RadicaleFixture.Max);

        var error = await Assert.ThrowsAsync<CardDavException>(() => client.SyncAsync(null, Cancellation));

        Assert.Equal(CardDavFailure.Unauthorized, error.Kind);
        Assert.Equal(403, error.StatusCode);
    }

    [Theory]
    [InlineData(RadicaleFixture.AnnaCalendarPath, "it is a calendar or another kind of collection")]
    [InlineData(RadicaleFixture.AnnaAddressBookPath + "zoe.vcf", "it is a single file")]
    public async Task A_URL_that_is_not_an_address_book_is_NotAnAddressBook(string path, string why)
    {
        var (client, _) = ClientFor(fixture.Server.Url(path), RadicaleFixture.Anna);

        var error = await Assert.ThrowsAsync<CardDavException>(() => client.SyncAsync(null, Cancellation));

        Assert.Equal(CardDavFailure.NotAnAddressBook, error.Kind);
        Assert.Contains(fixture.Server.Url(path).ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_address_book_is_NotFound()
    {
        var missing = fixture.Server.Url($"/{RadicaleFixture.Anna}/does-not-exist/");
        var (client, _) = ClientFor(missing, RadicaleFixture.Anna);

        var error = await Assert.ThrowsAsync<CardDavException>(() => client.SyncAsync(null, Cancellation));

        Assert.Equal(CardDavFailure.NotFound, error.Kind);
        Assert.Equal($"CardDAV server has nothing at {missing} (HTTP 404): check the address book URL", error.Message);
    }

    [Fact]
    public async Task A_stopped_server_is_Unreachable()
    {
        if (RadicaleServer.MissingReason() is { } reason)
        {
            Assert.Skip(reason);
        }

        await using var server = await RadicaleServer.StartAsync(RadicaleFixture.Users, Cancellation);
        using (var phone = server.ClientFor(RadicaleFixture.Max))
        {
            await CardDavPhone.CreateAddressBookAsync(phone, "/max/contacts/", "Kontakte", Cancellation);
        }

        var http = Track(new HttpClient());
        var client = new CardDavClient(http, server.Url("/max/contacts/"), RadicaleFixture.Max, RadicaleFixture.Users[RadicaleFixture.Max]);
        var first = await client.SyncAsync(null, Cancellation);

        await server.StopAsync();
        var error = await Assert.ThrowsAsync<CardDavException>(() => client.SyncAsync(first.State, Cancellation));

        Assert.Equal(CardDavFailure.Unreachable, error.Kind);
        Assert.Contains(server.Url("/max/contacts/").ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_accepts_and_never_answers_is_a_Timeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var held = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                held.Add(await listener.AcceptTcpClientAsync(Cancellation));
            }
        }, Cancellation);
        var http = Track(new HttpClient());
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/max/contacts/");
        var client = new CardDavClient(http, url, "max", "geheim") { RequestTimeout = TimeSpan.FromMilliseconds(300) };

        try
        {
            var error = await Assert.ThrowsAsync<CardDavException>(() => client.SyncAsync(null, Cancellation));

            Assert.Equal(CardDavFailure.Timeout, error.Kind);
            Assert.Equal($"CardDAV server {url} did not answer within 0.3 s", error.Message);
        }
        finally
        {
            listener.Stop();
            await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
            held.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Cancellation_stops_a_sync_waiting_for_a_silent_server()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var http = Track(new HttpClient());
        var client = new CardDavClient(http, new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/"), null, null);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        var sync = client.SyncAsync(null, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sync);
    }

    public static TheoryData<string, int, string> HostileAnswers => new()
    {
        { "truncated", 207, "<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/x/" },
        { "not XML", 207, "<html><body>Welcome to nginx!</body>" },
        { "HTML page", 200, "<!DOCTYPE html><html><body>Login</body></html>" },
        { "wrong root", 207, "<?xml version=\"1.0\"?><error xmlns=\"DAV:\"/>" },
        { "entity bomb", 207, "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]><multistatus xmlns=\"DAV:\"><response><href>&h;</href></response></multistatus>" },
        { "external entity", 207, "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><multistatus xmlns=\"DAV:\"><response><href>&x;</href></response></multistatus>" },
        { "oversized", 207, "<?xml version=\"1.0\"?><multistatus xmlns=\"DAV:\">" + string.Concat(Enumerable.Repeat("<response><href>/x/</href></response>", 2000)) + "</multistatus>" },
        { "server error", 500, "Internal Server Error" },
    };

    [Theory]
    [MemberData(nameof(HostileAnswers))]
    public async Task A_hostile_or_garbage_answer_is_a_Protocol_failure(string what, int status, string body)
    {
        await using var stub = await WebhookListener.StartAsync(IPAddress.Loopback, 0, TimeProvider.System, async (context, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/xml; charset=utf-8";
            await context.Response.WriteAsync(body, context.RequestAborted);
        }, Cancellation);
        var http = Track(new HttpClient());
        var url = new Uri(stub.BaseAddress, "/remote.php/dav/addressbooks/users/max/contacts/");
        var client = new CardDavClient(http, url, "max", "geheim") { MaxResponseBytes = 16 * 1024, RequestTimeout = TimeSpan.FromSeconds(10) };

        var error = await Assert.ThrowsAsync<CardDavException>(() => client.SyncAsync(null, Cancellation));

        Assert.True(CardDavFailure.Protocol == error.Kind, $"{what}: {error.Kind} {error.Message}");
        Assert.StartsWith($"CardDAV server {url} ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("aaaa", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _disposables.ForEach(d => d.Dispose());

    private T Track<T>(T disposable)
        where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    private (CardDavClient Client, RecordingHandler Handler) ClientFor(Uri url, string user, int? batchSize = null, bool refuseMultiget = false)
    {
        _ = fixture.Server;
        var handler = Track(new RecordingHandler(refuseMultiget));
        var http = Track(new HttpClient(handler));
        var client = new CardDavClient(http, url, user, RadicaleFixture.Users[user]) { MultigetBatchSize = batchSize ?? 200 };
        return (client, handler);
    }
}
