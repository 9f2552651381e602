using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RenfieldSip.Monitor.Phonebooks;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Phonebooks.CardDav;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Phonebooks;

/// <summary>
/// A CardDAV address book as a phonebook source, against a real Radicale changed underneath as a phone would change
/// it: through the real registration (options, HttpClient, vCard reader, merge, health), one refresh at a time.
/// </summary>
public sealed class CardDavSourceTests(RadicaleFixture radicale) : IClassFixture<RadicaleFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly FakeLogCollector _logs = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cards_added_changed_and_deleted_on_the_server_show_up_at_the_next_refresh()
    {
        var book = await radicale.NewAddressBookAsync(Cancellation);
        using var phone = radicale.Server.ClientFor(RadicaleFixture.Max);
        await CardDavPhone.PutAsync(phone, book.AbsolutePath + "max.vcf", CardDavPhone.VCard("max", "Max Mustermann", "+49 170 1234567"), Cancellation);
        using var host = Build(book, RadicaleFixture.Max, RadicaleFixture.Users[RadicaleFixture.Max]);
        var store = host.Services.GetRequiredService<PhonebookStore>();

        Assert.True(await store.RefreshOnceAsync(Cancellation));
        Assert.Equal(("Max Mustermann", "nextcloud"), PhonebookHost.Contact(store.Current, "+491701234567"));
        Assert.False(await store.RefreshOnceAsync(Cancellation));

        await CardDavPhone.PutAsync(phone, book.AbsolutePath + "oma.vcf", CardDavPhone.VCard("oma", "Oma Jürgens", "0171 9876543"), Cancellation);
        await CardDavPhone.PutAsync(phone, book.AbsolutePath + "max.vcf", CardDavPhone.VCard("max", "Maximilian Mustermann", "+49 170 1234567"), Cancellation);
        Assert.True(await store.RefreshOnceAsync(Cancellation));
        Assert.Equal(("Maximilian Mustermann", "nextcloud"), PhonebookHost.Contact(store.Current, "+491701234567"));
        Assert.Equal(("Oma Jürgens", "nextcloud"), PhonebookHost.Contact(store.Current, "+491719876543"));

        await CardDavPhone.DeleteAsync(phone, book.AbsolutePath + "max.vcf", Cancellation);
        Assert.True(await store.RefreshOnceAsync(Cancellation));
        Assert.False(store.Current.TryGetContact("+491701234567", out _));
        Assert.Equal(1, store.Current.Count);
        Assert.Equal(HealthStatus.Healthy, (await PhonebookHost.CheckAsync(host)).Status);
    }

    [Fact]
    public async Task A_wrong_password_is_said_once_in_the_log_and_in_health_without_the_password()
    {
        var book = await radicale.NewAddressBookAsync(Cancellation);
        const string wrong = "falsches-passwort-42";
        using var host = Build(book, RadicaleFixture.Max, wrong);
        var store = host.Services.GetRequiredService<PhonebookStore>();

        Assert.False(await store.RefreshOnceAsync(Cancellation));
        Assert.False(await store.RefreshOnceAsync(Cancellation));

        var failure = Assert.Single(_logs.GetSnapshot(), record => record.Id.Id == 1213);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Contains("nextcloud", failure.Message, StringComparison.Ordinal);
        Assert.Contains("401", failure.Message, StringComparison.Ordinal);
        var health = await PhonebookHost.CheckAsync(host);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.StartsWith("nextcloud: ", health.Description, StringComparison.Ordinal);
        Assert.Contains(book.AbsolutePath, health.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.GetSnapshot(), record => record.Message.Contains(wrong, StringComparison.Ordinal));
        Assert.DoesNotContain(wrong, health.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_keeps_the_last_good_contacts_and_says_so_once()
    {
        _ = radicale.Server;
        await using var own = await RadicaleServer.StartAsync(RadicaleFixture.Users, Cancellation);
        using var phone = own.ClientFor(RadicaleFixture.Max);
        await CardDavPhone.CreateAddressBookAsync(phone, "/max/contacts/", "Kontakte", Cancellation);
        await CardDavPhone.PutAsync(phone, "/max/contacts/max.vcf", CardDavPhone.VCard("max", "Max Mustermann", "+49 170 1234567"), Cancellation);
        using var host = Build(own.Url("/max/contacts/"), RadicaleFixture.Max, RadicaleFixture.Users[RadicaleFixture.Max]);
        var store = host.Services.GetRequiredService<PhonebookStore>();
        Assert.True(await store.RefreshOnceAsync(Cancellation));
        var good = store.Current;

        await own.StopAsync();
        Assert.False(await store.RefreshOnceAsync(Cancellation));
        Assert.False(await store.RefreshOnceAsync(Cancellation));

        Assert.Same(good, store.Current);
        var failure = Assert.Single(_logs.GetSnapshot(), record => record.Id.Id == 1213);
        Assert.Equal("1", failure.GetStructuredStateValue("Count"));
        var health = await PhonebookHost.CheckAsync(host);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("1 numbers in use", health.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_running_monitor_announces_a_name_changed_in_the_address_book_without_a_restart()
    {
        var book = await radicale.NewAddressBookAsync(Cancellation);
        using var phone = radicale.Server.ClientFor(RadicaleFixture.Max);
        var caller = SyntheticCall.Numbered(1);
        await CardDavPhone.PutAsync(phone, book.AbsolutePath + "anna.vcf", CardDavPhone.VCard("anna", "Anna Beispiel", caller.CallerNumber), Cancellation);
        await using var harness = await EndToEndHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Phonebook:Sources:nextcloud:Url"] = book.ToString(),
            ["Phonebook:Sources:nextcloud:Username"] = RadicaleFixture.Max,
            ["Phonebook:Sources:nextcloud:Password"] = RadicaleFixture.Users[RadicaleFixture.Max],
            ["Phonebook:Sources:nextcloud:RefreshInterval"] = "00:00:01",

            // The same caller twice within seconds: only the name may decide, not the dedup window.
            ["Dedup:Window"] = "00:00:00.001",
        });
        var store = harness.Monitor.GetRequiredService<PhonebookStore>();
        var connection = await harness.Ami.WaitForLoginAsync(1, Timeout);
        await Poll.UntilAsync(() => Named(store, caller, "Anna Beispiel"), "the address book's first load", Timeout, Cancellation);

        await connection.SendAsync(caller.Ringing);
        Assert.Equal("Anruf von Anna Beispiel", (await harness.WaitForCallAsync(1)).JsonString("title"));

        await CardDavPhone.PutAsync(phone, book.AbsolutePath + "anna.vcf", CardDavPhone.VCard("anna", "Anna Neumann", caller.CallerNumber), Cancellation);
        await Poll.UntilAsync(() => Named(store, caller, "Anna Neumann"), "the changed card at a refresh", Timeout, Cancellation);
        var second = new SyntheticCall("1796000000.901", caller.CallerNumber, string.Empty);
        await connection.SendAsync(second.Ringing);
        await harness.Renfield.WaitForAsync(all => all.Any(r => r.JsonString("title") == "Anruf von Anna Neumann"), "the announcement with the new name", Timeout);
    }

    private static bool Named(PhonebookStore store, SyntheticCall caller, string name) =>
        store.Current.TryGetContact(caller.CallerNumber, out var contact) && contact.Name == name;



    private IHost Build(Uri book, string user, string password) => PhonebookHost.Build(
        new()
        {
            ["Phonebook:Path"] = Path.Combine(Path.GetTempPath(), "renfieldsip-no-such-phonebook.yaml"),
            ["Phonebook:Sources:nextcloud:Url"] = book.ToString(),
            ["Phonebook:Sources:nextcloud:Username"] = user,
            ["Phonebook:Sources:nextcloud:Password"] = password,
        },
        _logs);
}
