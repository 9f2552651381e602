using RenfieldSip.Monitor.Phonebooks.Formats;

namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>
/// A phonebook on disk (the YAML file, a vCard file or folder, a Fritz!Box export): <see cref="WatchedFile"/> holds
/// the contents, <see cref="PhonebookChangeSignal"/> says when to look again, and this loop reloads after a burst of
/// writes has settled.
/// </summary>
internal sealed class FileContactSource(string name, WatchedFile file, TimeProvider timeProvider, ILogger logger) : IContactSource, IDisposable
{
    internal static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    // Editors write a file in several steps (truncate, write, rename); one reload after the burst is enough.
    internal static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(150);

    private PhonebookChangeSignal? _changes;

    public string Name => name;

    public string Path => file.Path;

    public SourceContents Current => file.Current;

    public string? Problem => file.Problem;

    /// <summary>Tests turn the watcher off to drive the poll alone with a fake clock.</summary>
    public bool WatchFileSystem { get; set; } = true;

    /// <summary>One iteration of the reload loop: loads the file when its fingerprint changed. True when replaced.</summary>
    public bool ReloadIfChanged() => file.ReloadIfChanged();

    public async Task RunAsync(Action changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        _ = Current;
        using var changes = new PhonebookChangeSignal(file.Path, timeProvider, PollInterval, WatchFileSystem, logger);
        _changes = changes;
        try
        {
            while (await changes.WaitAsync(cancellationToken) is { } fromWatcher)
            {
                if (fromWatcher)
                {
                    await Task.Delay(Debounce, timeProvider, cancellationToken);
                    changes.Drain();
                }

                if (file.ReloadIfChanged())
                {
                    changed();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            _changes = null;
        }
    }

    public void Dispose() => _changes?.Dispose();
}
