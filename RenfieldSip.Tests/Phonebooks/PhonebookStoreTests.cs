using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Phonebooks;
using RenfieldSip.Monitor.Phonebooks.Yaml;
using RenfieldSip.Tests.Identity;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Phonebooks;

public sealed class PhonebookStoreTests : IDisposable
{
    private const string Broken = "contacts:\n  \"+49 170 1234567\": \"Max\"\n  \"+49 171 9876543\": Emma: Mustermann\n";
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(5);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("renfieldsip-phonebook-");
    private readonly FakeLogger<PhonebookStore> _logger = new();
    private readonly FakeTimeProvider _time = new();
    private DateTime _lastWrite = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private string PhonebookPath => Path.Combine(_directory.FullName, "phonebook.yaml");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void A_missing_file_gives_an_empty_phonebook_and_a_warning()
    {
        using var store = CreateStore(_time);

        Assert.Equal(0, store.Current.Count);
        var warning = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(1202, warning.Id.Id);
        Assert.Contains("callers are shown by number", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_broken_at_start_logs_its_line_and_starts_empty_until_fixed()
    {
        Write(Broken);
        using var store = CreateStore(_time);

        Assert.Equal(0, store.Current.Count);
        var error = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal((1203, LogLevel.Error, "3"), (error.Id.Id, error.Level, error.GetStructuredStateValue("Line")));

        Write(IdentityTestData.SeedPhonebook);
        Assert.True(store.ReloadIfChanged());
        Assert.Equal(3, store.Current.Count);
    }

    [Fact]
    public void A_valid_edit_replaces_the_phonebook_and_logs_the_count()
    {
        Write(IdentityTestData.SeedPhonebook);
        using var store = CreateStore(_time);
        Assert.Equal(3, store.Current.Count);

        Assert.False(store.ReloadIfChanged());
        Write("contacts:\n  \"+49 160 1111111\": \"Neu\"\n");
        Assert.True(store.ReloadIfChanged());

        Assert.True(store.Current.TryGetContact("+491601111111", out var nameContact));
        Assert.Equal("Neu", nameContact.Name);
        var reloaded = _logger.Collector.LatestRecord;
        Assert.Equal((1201, "1"), (reloaded.Id.Id, reloaded.GetStructuredStateValue("Count")));
    }

    [Fact]
    public void A_broken_edit_logs_its_line_and_keeps_the_last_good_phonebook()
    {
        Write(IdentityTestData.SeedPhonebook);
        using var store = CreateStore(_time);
        var good = store.Current;

        Write(Broken);
        Assert.False(store.ReloadIfChanged());

        Assert.Same(good, store.Current);
        var error = _logger.Collector.LatestRecord;
        Assert.Equal((1204, LogLevel.Error, "3", "3"), (error.Id.Id, error.Level, error.GetStructuredStateValue("Line"), error.GetStructuredStateValue("Count")));
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_file_keeps_the_last_good_phonebook()
    {
        Write(IdentityTestData.SeedPhonebook);
        using var store = CreateStore(_time);
        _ = store.Current;

        File.Delete(PhonebookPath);
        Assert.False(store.ReloadIfChanged());

        Assert.Equal(3, store.Current.Count);
        Assert.Equal(1208, _logger.Collector.LatestRecord.Id.Id);
    }

    [Fact]
    public async Task The_poll_timer_picks_up_an_edit_when_its_interval_passes_on_the_fake_clock()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Write(IdentityTestData.SeedPhonebook);
        using var store = CreateStore(_time, watch: false);
        await store.StartAsync(cancellationToken);

        Write("contacts:\n  \"+49 160 1111111\": \"Neu\"\n");
        _time.Advance(FileContactSource.PollInterval);

        await Poll.UntilAsync(() => store.Current.Count == 1, "the edit to be loaded", WaitTimeout, cancellationToken);
        Assert.True(store.Current.TryGetContact("+491601111111", out _));
        await store.StopAsync(cancellationToken);
    }

    [Fact]
    public async Task A_file_replaced_by_rename_is_picked_up_while_running()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Write(IdentityTestData.SeedPhonebook);
        using var store = CreateStore(TimeProvider.System);
        await store.StartAsync(cancellationToken);

        // What editors and `cp` into a bind mount do: write elsewhere, rename over the original.
        var temporary = Path.Combine(_directory.FullName, ".phonebook.yaml.swp");
        await File.WriteAllTextAsync(temporary, "contacts:\n  \"+49 160 1111111\": \"Neu\"\n", cancellationToken);
        File.Move(temporary, PhonebookPath, overwrite: true);

        await Poll.UntilAsync(() => store.Current.TryGetContact("+491601111111", out _), "the renamed file to be loaded", WaitTimeout, cancellationToken);
        await store.StopAsync(cancellationToken);
    }

    private PhonebookStore CreateStore(TimeProvider timeProvider, bool watch = true)
    {
        var reader = new PhonebookYamlReader(IdentityTestData.Normalizer(), _logger);
        var file = new WatchedFile(PhonebookPath, path => reader.Load(path, "phonebook.yaml"), required: false, _logger);
        return new PhonebookStore([new FileContactSource("phonebook.yaml", file, timeProvider, _logger) { WatchFileSystem = watch }], _logger);
    }

    private void Write(string content)
    {
        File.WriteAllText(PhonebookPath, content);
        // Distinct write times, so a quick second edit of the same length is still a change.
        _lastWrite = _lastWrite.AddSeconds(1);
        File.SetLastWriteTimeUtc(PhonebookPath, _lastWrite);
    }
}
