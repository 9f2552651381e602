using RenfieldSip.Monitor.Phonebooks.CardDav;

namespace RenfieldSip.Tests.Phonebooks.CardDav;

/// <summary>
/// The CardDAV client against a second real server, Xandikos, whose root is no collection: it answers PROPFIND with an
/// empty resourcetype and names the current-user-principal (RFC 5397), from which discovery goes on (RFC 6764 §6).
/// </summary>
public sealed class XandikosCardDavTests(XandikosFixture fixture) : IClassFixture<XandikosFixture>, IDisposable
{
    private readonly List<IDisposable> _disposables = [];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task From_the_server_root_with_an_empty_resourcetype_discovery_follows_the_current_user_principal_to_the_first_address_book()
    {
        var (client, handler) = ClientFor(fixture.Server.BaseUrl);

        var result = await client.SyncAsync(null, Cancellation);

        Assert.Equal(XandikosServer.AddressBookPath, result.State.AddressBookUrl.AbsolutePath);
        Assert.Contains("FN:Zoë Ångström", Assert.Single(result.Cards).VCardText, StringComparison.Ordinal);
        Assert.Equal(
            ["PROPFIND 0 /", "PROPFIND 0 /user/", "PROPFIND 1 /user/contacts/"],
            handler.Requests.Take(3).Select(r => $"{r.Method} {r.Depth} {r.Path}"));
    }

    [Fact]
    public async Task From_the_principal_URL_discovery_goes_through_the_address_book_home()
    {
        var (client, _) = ClientFor(fixture.Server.Url(XandikosServer.PrincipalPath));

        var result = await client.SyncAsync(null, Cancellation);

        Assert.Equal(XandikosServer.AddressBookPath, result.State.AddressBookUrl.AbsolutePath);
        Assert.Single(result.Cards);
    }

    [Fact]
    public async Task A_single_card_URL_is_NotAnAddressBook_though_it_names_the_principal()
    {
        var (client, _) = ClientFor(fixture.Server.Url(XandikosFixture.ZoeCard));

        var error = await Assert.ThrowsAsync<CardDavException>(() => client.SyncAsync(null, Cancellation));

        Assert.Equal(CardDavFailure.NotAnAddressBook, error.Kind);
        Assert.Contains("it is a single file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_rename_and_delete_on_the_server_show_in_the_next_sync()
    {
        var book = await fixture.NewAddressBookAsync(Cancellation);
        var path = book.AbsolutePath;
        using var phone = fixture.Server.Phone();
        await CardDavPhone.PutAsync(phone, path + "keep.vcf", CardDavPhone.VCard("keep", "Bleibt Gleich", "+491"), Cancellation);
        await CardDavPhone.PutAsync(phone, path + "rename.vcf", CardDavPhone.VCard("rename", "Alter Name", "+492"), Cancellation);
        await CardDavPhone.PutAsync(phone, path + "delete.vcf", CardDavPhone.VCard("delete", "Weg Damit", "+493"), Cancellation);
        var (client, _) = ClientFor(book);
        var first = await client.SyncAsync(null, Cancellation);
        Assert.Equal(3, first.Cards.Count);

        await CardDavPhone.PutAsync(phone, path + "new.vcf", CardDavPhone.VCard("new", "Neu Hinzugefügt", "+494"), Cancellation);
        await CardDavPhone.PutAsync(phone, path + "rename.vcf", CardDavPhone.VCard("rename", "Neuer Name", "+492"), Cancellation);
        await CardDavPhone.DeleteAsync(phone, path + "delete.vcf", Cancellation);
        var second = await client.SyncAsync(first.State, Cancellation);

        Assert.True(second.Changed);
        Assert.Equal([path + "keep.vcf", path + "new.vcf", path + "rename.vcf"], second.Cards.Select(c => c.Href).Order(StringComparer.Ordinal));
        Assert.Contains("FN:Neuer Name", second.Cards.Single(c => c.Href.EndsWith("rename.vcf", StringComparison.Ordinal)).VCardText, StringComparison.Ordinal);
        Assert.False((await client.SyncAsync(second.State, Cancellation)).Changed);
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }
    }

    private (CardDavClient Client, RecordingHandler Handler) ClientFor(Uri url)
    {
        _ = fixture.Server;
        var handler = new RecordingHandler();
        var http = new HttpClient(handler);
        _disposables.Add(http);
        _disposables.Add(handler);
        return (new CardDavClient(http, url, null, null), handler);
    }
}
