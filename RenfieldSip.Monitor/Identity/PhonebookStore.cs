using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Identity;

/// <summary>
/// The running phonebook: <see cref="PhonebookFile"/> holds the snapshot, <see cref="PhonebookChangeSignal"/> says
/// when to look at the file again, and this loop reloads after a burst of writes has settled.
/// </summary>
internal sealed class PhonebookStore : IPhonebookSource, IHostedService, IDisposable
{
    internal static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    // Editors write a file in several steps (truncate, write, rename); one reload after the burst is enough.
    internal static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(150);

    private readonly PhonebookFile _file;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PhonebookStore> _logger;
    private PhonebookChangeSignal? _changes;
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public PhonebookStore(
        IOptions<PhonebookOptions> options,
        PhoneNumberNormalizer normalizer,
        TimeProvider timeProvider,
        ILogger<PhonebookStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _file = new PhonebookFile(Path.GetFullPath(options.Value.Path), new PhonebookLoader(normalizer, logger), logger);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Tests turn the watcher off to drive the poll alone with a fake clock.</summary>
    internal bool WatchFileSystem { get; init; } = true;

    public Phonebook Current => _file.Current;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Current;
        _stopping = new CancellationTokenSource();
        _changes = new PhonebookChangeSignal(_file.Path, _timeProvider, PollInterval, WatchFileSystem, _logger);
        _loop = RunAsync(_changes, _stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _changes?.Dispose();
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
        _changes?.Dispose();
        if (Interlocked.Exchange(ref _stopping, null) is { } stopping)
        {
            stopping.Cancel();
            stopping.Dispose();
        }
    }

    /// <summary>One iteration of the reload loop: loads the file when its fingerprint changed. True when replaced.</summary>
    internal bool ReloadIfChanged() => _file.ReloadIfChanged();

    private async Task RunAsync(PhonebookChangeSignal changes, CancellationToken cancellationToken)
    {
        try
        {
            while (await changes.WaitAsync(cancellationToken) is { } fromWatcher)
            {
                if (fromWatcher)
                {
                    await Task.Delay(Debounce, _timeProvider, cancellationToken);
                    changes.Drain();
                }

                _file.ReloadIfChanged();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
