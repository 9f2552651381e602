using System.Diagnostics;
using RenfieldSip.Monitor.Phonebooks;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Reliability;

/// <summary>Matrix row 9: the phonebook file edited while the real monitor runs and calls come in.</summary>
public sealed class DownstreamPhonebookTests
{
    private const string OneContact = """
        contacts:
          "+49 170 1234567": "Max Mustermann"
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_valid_edit_applies_while_running_and_a_broken_edit_keeps_the_last_good_phonebook_and_names_the_line()
    {
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync(phonebook: OneContact);
        var (monitor, ami) = await rig.StartMonitorAsync();
        var store = monitor.GetRequiredService<PhonebookStore>();

        await ami.SendAsync(SyntheticCall.Numbered(1).Ringing);
        Assert.Equal("Anruf von +49 30 55500001", (await rig.WaitForCallAsync(1)).JsonString("title"));

        var good = OneContact + "\n  \"+49 30 55500002\": \"Anna Beispiel\"\n";
        var clock = Stopwatch.StartNew();
        await File.WriteAllTextAsync(rig.PhonebookPath, good, Cancellation);
        await Poll.UntilAsync(() => store.Current.TryGetContact("+493055500002", out _), "the edit to apply", Timeout, Cancellation);
        var applied = clock.Elapsed;
        await ami.SendAsync(SyntheticCall.Numbered(2).Ringing);
        Assert.Equal("Anruf von Anna Beispiel", (await rig.WaitForCallAsync(2)).JsonString("title"));

        // Line 4 is not YAML (a second ':' in a plain value); the edit also drops Anna, which must not happen.
        var broken = OneContact + "\n  \"+49 30 55500003\": Bert: Beispiel\n";
        clock.Restart();
        await File.WriteAllTextAsync(rig.PhonebookPath, broken, Cancellation);
        await Poll.UntilAsync(() => monitor.Logs.WithId(1204).Count > 0, "the broken-phonebook error", Timeout, Cancellation);
        var noticed = clock.Elapsed;

        var error = Assert.Single(monitor.Logs.WithId(1204 /* PhonebookBrokenOnReload */));
        Assert.Equal(("3", "2"), (error.GetStructuredStateValue("Line"), error.GetStructuredStateValue("Count")));
        Assert.Contains(rig.PhonebookPath, error.Message, StringComparison.Ordinal);
        Assert.True(store.Current.TryGetContact("+493055500002", out var keptContact));
        Assert.Equal("Anna Beispiel", keptContact.Name);
        await ami.SendAsync(SyntheticCall.Numbered(3).Ringing);
        Assert.Equal("Anruf von +49 30 55500003", (await rig.WaitForCallAsync(3)).JsonString("title"));

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"FIGURE row9 phonebook: valid edit applied {applied.TotalMilliseconds:F0} ms after the write; broken edit reported (line 3) {noticed.TotalMilliseconds:F0} ms after the write, last good kept");
    }
}
