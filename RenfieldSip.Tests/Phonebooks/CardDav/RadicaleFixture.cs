namespace RenfieldSip.Tests.Phonebooks.CardDav;

/// <summary>
/// One Radicale per test class. "max" gets a fresh address book per test; "anna" has exactly one address book
/// (beside a calendar whose path sorts first), for the discovery tests. Where Radicale is not installed nothing
/// starts and every test skips with the reason.
/// </summary>
public sealed class RadicaleFixture : IAsyncLifetime
{
    public const string Max = "max";
    public const string Anna = "anna";

    /// <summary>Anna's only address book; her calendar sits at <see cref="AnnaCalendarPath"/>.</summary>
    public const string AnnaAddressBookPath = "/anna/contacts/";
    public const string AnnaCalendarPath = "/anna/a-calendar/";

    private RadicaleServer? _server;
    private int _books;

    internal RadicaleServer Server
    {
        get
        {
            if (RadicaleServer.MissingReason() is { } reason)
            {
                Assert.Skip(reason);
            }

            return _server ?? throw new InvalidOperationException("Radicale did not start.");
        }
    }

    internal static Dictionary<string, string> Users => new(StringComparer.Ordinal)
    {
        [Max] = "pässwort-max-1",
        [Anna] = "pässwort-anna-2",
    };

    /// <summary>A new, empty address book of max.</summary>
    internal async Task<Uri> NewAddressBookAsync(CancellationToken cancellationToken)
    {
        using var phone = Server.ClientFor(Max);
        var path = $"/{Max}/book-{Interlocked.Increment(ref _books)}/";
        await CardDavPhone.CreateAddressBookAsync(phone, path, "Kontakte", cancellationToken);
        return Server.Url(path);
    }

    public async ValueTask InitializeAsync()
    {
        if (RadicaleServer.MissingReason() is not null)
        {
            return;
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        _server = await RadicaleServer.StartAsync(Users, cancellationToken);
        using var phone = _server.ClientFor(Anna);
        await CardDavPhone.CreateCalendarAsync(phone, AnnaCalendarPath, cancellationToken);
        await CardDavPhone.CreateAddressBookAsync(phone, AnnaAddressBookPath, "Annas Kontakte", cancellationToken);
        await CardDavPhone.PutAsync(phone, AnnaAddressBookPath + "zoe.vcf", CardDavPhone.VCard("zoe", "Zoë Ångström", "+4930999888"), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
