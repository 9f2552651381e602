using System.Threading.Channels;

namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>
/// Tells when the phonebook file may have changed: a directory watcher reacts within a moment, a poll covers bind
/// mounts that inotify does not cross. Signals only; whether the file really changed is <see cref="PhonebookFile"/>'s
/// to decide.
/// </summary>
internal sealed class PhonebookChangeSignal : IDisposable
{
    private readonly string _path;
    private readonly bool _isFolder;
    private readonly ILogger _logger;

    // true = the watcher saw the file (debounce first); false = poll tick.
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private FileSystemWatcher? _watcher;
    private ITimer? _pollTimer;

    public PhonebookChangeSignal(string path, TimeProvider timeProvider, TimeSpan pollInterval, bool watchFileSystem, ILogger logger)
    {
        _path = path;
        _isFolder = Directory.Exists(path);
        _logger = logger;
        if (watchFileSystem)
        {
            StartWatcher();
        }

        _pollTimer = timeProvider.CreateTimer(_ => _signals.Writer.TryWrite(false), null, pollInterval, pollInterval);
    }

    /// <summary>Waits for the next signal; true when the watcher saw the file (a burst of writes may follow).</summary>
    public async ValueTask<bool?> WaitAsync(CancellationToken cancellationToken)
    {
        if (!await _signals.Reader.WaitToReadAsync(cancellationToken))
        {
            return null;
        }

        return Drain();
    }

    /// <summary>Takes every pending signal; true when any came from the watcher.</summary>
    public bool Drain()
    {
        var fromWatcher = false;
        while (_signals.Reader.TryRead(out var signal))
        {
            fromWatcher |= signal;
        }

        return fromWatcher;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
        _pollTimer?.Dispose();
        _pollTimer = null;
    }

    private void StartWatcher()
    {
        // A folder source is watched itself: every export file in it counts.
        var directory = _isFolder ? _path : Path.GetDirectoryName(_path)!;
        try
        {
            // The directory, not the file: editors and `docker cp` replace the file by rename, which ends a
            // watch on the file itself.
            var watcher = new FileSystemWatcher(directory)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            watcher.Changed += OnFileEvent;
            watcher.Created += OnFileEvent;
            watcher.Deleted += OnFileEvent;
            watcher.Renamed += OnFileEvent;
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or PlatformNotSupportedException)
        {
            // A missing directory or an exhausted inotify limit: the poll still notices every edit.
            Log.WatcherUnavailable(_logger, directory, exception.Message);
        }
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        var fileName = Path.GetFileName(_path);
        if (_isFolder
            || string.Equals(e.Name, fileName, StringComparison.Ordinal)
            || (e is RenamedEventArgs renamed && string.Equals(renamed.OldName, fileName, StringComparison.Ordinal)))
        {
            _signals.Writer.TryWrite(true);
        }
    }

}
