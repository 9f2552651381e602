namespace RenfieldSip.Tests.Phonebooks.CardDav;

/// <summary>
/// One Xandikos per test class, its default address book holding one card (for the discovery tests); further address
/// books sort after it. Where Xandikos is not installed nothing starts and every test skips with the reason.
/// </summary>
public sealed class XandikosFixture : IAsyncLifetime
{
    public const string ZoeCard = XandikosServer.AddressBookPath + "zoe.vcf";

    private XandikosServer? _server;
    private int _books;

    internal XandikosServer Server
    {
        get
        {
            if (XandikosServer.MissingReason() is { } reason)
            {
                Assert.Skip(reason);
            }

            return _server ?? throw new InvalidOperationException("Xandikos did not start.");
        }
    }

    /// <summary>A new, empty address book in the user's home; its path sorts after the default one.</summary>
    internal async Task<Uri> NewAddressBookAsync(CancellationToken cancellationToken)
    {
        using var phone = Server.Phone();
        var path = $"/user/contacts/book-{Interlocked.Increment(ref _books)}/";
        await CardDavPhone.CreateAddressBookAsync(phone, path, "Kontakte", cancellationToken);
        return Server.Url(path);
    }

    public async ValueTask InitializeAsync()
    {
        if (XandikosServer.MissingReason() is not null)
        {
            return;
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        _server = await XandikosServer.StartAsync(cancellationToken);
        using var phone = _server.Phone();
        await CardDavPhone.PutAsync(phone, ZoeCard, CardDavPhone.VCard("zoe", "Zoë Ångström", "+4930999888"), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
