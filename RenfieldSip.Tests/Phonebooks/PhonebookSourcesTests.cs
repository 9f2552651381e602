using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RenfieldSip.Monitor.Phonebooks;

namespace RenfieldSip.Tests.Phonebooks;

/// <summary>The YAML file, vCard exports and a Fritz!Box export through the real registration: merged, watched, reported.</summary>
public sealed class PhonebookSourcesTests : IDisposable
{
    private const string Yaml = """
        contacts:
          "+49 170 1234567": "Max (aus YAML)"
        """;

    private const string GoogleExport = """
        BEGIN:VCARD
        VERSION:3.0
        FN:Jürgen Müller
        N:Müller;Jürgen;;;
        TEL;TYPE=CELL:+49 170 1234567
        TEL;TYPE=HOME:030 5550001
        CATEGORIES:Familie,myContacts
        END:VCARD
        BEGIN:VCARD
        VERSION:3.0
        FN:Ohne Telefon
        EMAIL:ohne@example.org
        END:VCARD
        """;

    private const string FritzExport = """
        <?xml version="1.0" encoding="utf-8"?>
        <phonebooks><phonebook name="Telefonbuch">
        <contact><category>1</category><person><realName>Oma Helga</realName></person>
        <telephony><number type="home" prio="1">030 5550001</number><number type="mobile">0171 5550002</number><number type="intern">**610</number></telephony></contact>
        </phonebook></phonebooks>
        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("renfieldsip-sources-");
    private readonly FakeLogCollector _logs = new();
    private DateTime _lastWrite = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task The_yaml_file_wins_then_the_sources_by_order_and_each_contact_names_its_source()
    {
        Write("phonebook.yaml", Yaml);
        Write("kontakte.vcf", GoogleExport);
        Write("Telefonbuch.xml", FritzExport);
        using var host = Build(new()
        {
            ["Phonebook:Sources:google:Path"] = Path.Combine(_directory.FullName, "kontakte.vcf"),
            ["Phonebook:Sources:fritzbox:Path"] = Path.Combine(_directory.FullName, "Telefonbuch.xml"),
            ["Phonebook:Sources:fritzbox:Order"] = "-1",
        });
        var phonebook = host.Services.GetRequiredService<PhonebookStore>().Current;

        Assert.Equal(("Max (aus YAML)", "phonebook.yaml"), PhonebookHost.Contact(phonebook, "+491701234567"));
        Assert.Equal(("Oma Helga", "fritzbox"), PhonebookHost.Contact(phonebook, "+49305550001"));
        Assert.Equal(("Oma Helga", "fritzbox"), PhonebookHost.Contact(phonebook, "+491715550002"));
        Assert.Equal(3, phonebook.Count);
        Assert.True(phonebook.TryGetContact("+49305550001", out var oma));
        Assert.Equal(["Wichtig"], oma.Groups);

        var health = await PhonebookHost.CheckAsync(host);
        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal("3 numbers from phonebook.yaml, fritzbox, google.", health.Description);
    }

    [Fact]
    public void A_vcard_folder_is_read_whole_and_a_new_file_in_it_is_picked_up()
    {
        Directory.CreateDirectory(Path.Combine(_directory.FullName, "vcards"));
        Write("vcards/max.vcf", "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Max Mustermann\r\nTEL;VALUE=uri;TYPE=\"cell,voice\":tel:+49-170-1234567\r\nEND:VCARD\r\n");
        using var host = Build(new() { ["Phonebook:Sources:handy:Path"] = Path.Combine(_directory.FullName, "vcards") });
        var store = host.Services.GetRequiredService<PhonebookStore>();
        Assert.Equal(("Max Mustermann", "handy"), PhonebookHost.Contact(store.Current, "+491701234567"));

        Write("vcards/emma.vcf", "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;Emma;;;\nTEL;CELL:0171 9876543\nEND:VCARD\n");
        Assert.True(store.ReloadIfChanged());

        Assert.Equal(("Emma Müller", "handy"), PhonebookHost.Contact(store.Current, "+491719876543"));
        Assert.Equal(2, store.Current.Count);
    }

    [Fact]
    public async Task A_broken_export_keeps_the_last_good_contacts_and_names_file_and_line_in_the_log_and_in_health()
    {
        Directory.CreateDirectory(Path.Combine(_directory.FullName, "vcards"));
        Write("vcards/a.vcf", GoogleExport);
        using var host = Build(new() { ["Phonebook:Sources:handy:Path"] = Path.Combine(_directory.FullName, "vcards") });
        var store = host.Services.GetRequiredService<PhonebookStore>();
        var good = store.Current;

        var broken = Write("vcards/b.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:Kaputt\nTEL:+49 160 1111111\n");
        Assert.False(store.ReloadIfChanged());

        Assert.Same(good, store.Current);
        var error = _logs.GetSnapshot().Single(record => record.Id.Id == 1204);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains(broken, error.Message, StringComparison.Ordinal);
        Assert.Equal("2", error.GetStructuredStateValue("Count"));
        var health = await PhonebookHost.CheckAsync(host);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains($"handy: {broken} is broken at line", health.Description, StringComparison.Ordinal);
        Assert.Contains("keeping the last 2 entries", health.Description, StringComparison.Ordinal);

        File.Delete(broken);
        Assert.True(store.ReloadIfChanged());
        Assert.Equal(HealthStatus.Healthy, (await PhonebookHost.CheckAsync(host)).Status);
    }

    [Fact]
    public async Task A_configured_export_that_is_missing_is_degraded_while_a_missing_yaml_file_is_not()
    {
        using var host = Build(new() { ["Phonebook:Sources:fritzbox:Path"] = Path.Combine(_directory.FullName, "Telefonbuch.xml") });
        _ = host.Services.GetRequiredService<PhonebookStore>().Current;

        var health = await PhonebookHost.CheckAsync(host);

        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.StartsWith($"fritzbox: {Path.Combine(_directory.FullName, "Telefonbuch.xml")} does not exist", health.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("phonebook.yaml", health.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Unusable_numbers_in_an_export_are_counted_in_one_warning_without_the_numbers()
    {
        Write("Telefonbuch.xml", FritzExport);
        using var host = Build(new() { ["Phonebook:Sources:fritzbox:Path"] = Path.Combine(_directory.FullName, "Telefonbuch.xml") });

        Assert.Equal(2, host.Services.GetRequiredService<PhonebookStore>().Current.Count);

        var warning = Assert.Single(_logs.GetSnapshot(), record => record.Id.Id == 1211);
        Assert.Equal(("1", "0"), (warning.GetStructuredStateValue("SkippedNumbers"), warning.GetStructuredStateValue("Nameless")));
        Assert.DoesNotContain("610", warning.Message, StringComparison.Ordinal);
    }



    private IHost Build(Dictionary<string, string?> settings)
    {
        settings["Phonebook:Path"] = Path.Combine(_directory.FullName, "phonebook.yaml");
        return PhonebookHost.Build(settings, _logs);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        // Distinct write times, so a quick second edit of the same length is still a change.
        _lastWrite = _lastWrite.AddSeconds(1);
        File.SetLastWriteTimeUtc(path, _lastWrite);
        return path;
    }
}
