using System.Threading.Channels;
using Microsoft.Extensions.Options;
using YamlDotNet.Core;

namespace RenfieldSip.Monitor.Identity;

/// <summary>
/// Holds the current phonebook and replaces it when the file changes. A directory watcher reacts within a
/// moment; a one-second poll covers bind mounts that inotify does not cross. A broken edit never replaces a
/// good phonebook.
/// </summary>
internal sealed class PhonebookStore : IPhonebookSource, IHostedService, IDisposable
{
    internal static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    // Editors write a file in several steps (truncate, write, rename); one reload after the burst is enough.
    internal static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(150);

    private readonly string _path;
    private readonly PhonebookLoader _loader;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PhonebookStore> _logger;
    private readonly Lock _initLock = new();

    // true = the watcher saw the file (debounce first); false = poll tick.
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private volatile Phonebook? _current;
    private FileFingerprint _loaded;
    private FileSystemWatcher? _watcher;
    private ITimer? _pollTimer;
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public PhonebookStore(
        IOptions<PhonebookOptions> options,
        PhoneNumberNormalizer normalizer,
        TimeProvider timeProvider,
        ILogger<PhonebookStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = Path.GetFullPath(options.Value.Path);
        _loader = new PhonebookLoader(normalizer, logger);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Tests turn the watcher off to drive the poll alone with a fake clock.</summary>
    internal bool WatchFileSystem { get; init; } = true;

    public Phonebook Current => _current ?? LoadInitial();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Current;
        _stopping = new CancellationTokenSource();
        if (WatchFileSystem)
        {
            StartWatcher();
        }

        _pollTimer = _timeProvider.CreateTimer(_ => _signals.Writer.TryWrite(false), null, PollInterval, PollInterval);
        _loop = RunAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        StopWatching();
        if (_stopping is { } stopping)
        {
            await stopping.CancelAsync();
        }

        if (_loop is not null)
        {
            // The loop ends at once on _stopping. When an earlier service used up the host's shutdown timeout the
            // token is already cancelled; throwing then would end the process with an unhandled exception (exit 134).
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose()
    {
        // DI disposes the instance once per registration that hands it out (store, source, hosted service).
        StopWatching();
        if (Interlocked.Exchange(ref _stopping, null) is { } stopping)
        {
            stopping.Cancel();
            stopping.Dispose();
        }
    }

    /// <summary>One iteration of the reload loop: loads the file when its fingerprint changed. True when replaced.</summary>
    internal bool ReloadIfChanged()
    {
        var previous = Current;
        var fingerprint = FileFingerprint.Of(_path);
        if (fingerprint == _loaded)
        {
            return false;
        }

        _loaded = fingerprint;
        if (!fingerprint.Exists)
        {
            // Usually an editor between delete and rename; the next fingerprint change brings the file back.
            Log.PhonebookDisappeared(_logger, _path, previous.Count);
            return false;
        }

        try
        {
            var phonebook = _loader.Load(_path);
            _current = phonebook;
            Log.PhonebookReloaded(_logger, _path, phonebook.Count);
        }
        catch (YamlException exception)
        {
            Log.PhonebookBrokenOnReload(_logger, _path, exception.Start.Line, Reason(exception), previous.Count);
            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.PhonebookUnreadable(_logger, _path, previous.Count, exception);
            return false;
        }

        return true;
    }

    private Phonebook LoadInitial()
    {
        lock (_initLock)
        {
            if (_current is { } loaded)
            {
                return loaded;
            }

            // Fingerprint before reading, so an edit racing the first load is picked up by the first poll.
            _loaded = FileFingerprint.Of(_path);
            var phonebook = Phonebook.Empty;
            if (!_loaded.Exists)
            {
                Log.PhonebookMissing(_logger, _path);
            }
            else
            {
                try
                {
                    phonebook = _loader.Load(_path);
                    Log.PhonebookLoaded(_logger, _path, phonebook.Count);
                }
                catch (YamlException exception)
                {
                    Log.PhonebookBrokenAtStart(_logger, _path, exception.Start.Line, Reason(exception));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    Log.PhonebookUnreadable(_logger, _path, 0, exception);
                }
            }

            _current = phonebook;
            return phonebook;
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _signals.Reader.WaitToReadAsync(cancellationToken))
            {
                if (Drain())
                {
                    await Task.Delay(Debounce, _timeProvider, cancellationToken);
                    Drain();
                }

                ReloadIfChanged();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private bool Drain()
    {
        var fromWatcher = false;
        while (_signals.Reader.TryRead(out var signal))
        {
            fromWatcher |= signal;
        }

        return fromWatcher;
    }

    private void StartWatcher()
    {
        var directory = Path.GetDirectoryName(_path)!;
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
        if (string.Equals(e.Name, fileName, StringComparison.Ordinal)
            || (e is RenamedEventArgs renamed && string.Equals(renamed.OldName, fileName, StringComparison.Ordinal)))
        {
            _signals.Writer.TryWrite(true);
        }
    }

    private void StopWatching()
    {
        _watcher?.Dispose();
        _watcher = null;
        _pollTimer?.Dispose();
        _pollTimer = null;
    }

    private static string Reason(YamlException exception)
    {
        // YamlDotNet prefixes the message with "(Line: 3, Col: 5, Idx: 40) - (…): "; the line is logged separately.
        var message = exception.Message;
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        return separator >= 0 && message.StartsWith('(') ? message[(separator + 3)..] : message;
    }
}
