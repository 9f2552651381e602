using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Rules;

namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>
/// The running phonebook: every source's last good contents merged into one snapshot, rebuilt whenever a source
/// changes. The YAML file comes first and wins for a number that several sources know (it is where overrides are
/// written), then the other sources in their configured order; the rules come from the YAML file alone.
/// </summary>
internal sealed class PhonebookStore : IPhonebookSource, ICallRulesSource, IHostedService, IDisposable
{
    private readonly IReadOnlyList<IContactSource> _sources;
    private readonly ILogger _logger;
    private readonly Lock _composeLock = new();
    private volatile Phonebook? _current;
    private CallRules? _loggedRules;
    private volatile CallRules _rules = CallRules.None;
    private CancellationTokenSource? _stopping;
    private Task _loops = Task.CompletedTask;

    /// <param name="sources">In precedence order: the YAML file first.</param>
    /// <param name="logger">Where merges and rule changes are logged.</param>
    public PhonebookStore(IReadOnlyList<IContactSource> sources, ILogger<PhonebookStore> logger)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = sources;
        _logger = logger;
    }

    public IReadOnlyList<IContactSource> Sources => _sources;

    public Phonebook Current => _current ?? Compose();

    public CallRules Rules => _current is null ? RulesAfterCompose() : _rules;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Current;
        _stopping = new CancellationTokenSource();
        var token = _stopping.Token;
        // Each loop runs synchronously up to its first wait: a file source's timer and watcher exist once this returns.
        _loops = Task.WhenAll([.. _sources.Select(source => source.RunAsync(() => Compose(), token))]);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is { } stopping)
        {
            await stopping.CancelAsync();
        }

        // The loops end at once on _stopping. When an earlier service used up the host's shutdown timeout the
        // token is already cancelled; throwing then would end the process with an unhandled exception (exit 134).
        await _loops.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        // DI disposes the instance once per registration that hands it out (store, source, hosted service).
        foreach (var source in _sources.OfType<IDisposable>())
        {
            source.Dispose();
        }

        if (Interlocked.Exchange(ref _stopping, null) is { } stopping)
        {
            stopping.Cancel();
            stopping.Dispose();
        }
    }

    /// <summary>One iteration of every file source's reload loop; true when the phonebook was replaced.</summary>
    internal bool ReloadIfChanged()
    {
        var changed = false;
        foreach (var source in _sources.OfType<FileContactSource>())
        {
            changed |= source.ReloadIfChanged();
        }

        if (changed)
        {
            Compose();
        }

        return changed;
    }

    /// <summary>One iteration of every source's loop, remote ones included; true when the phonebook was replaced.</summary>
    internal async Task<bool> RefreshOnceAsync(CancellationToken cancellationToken)
    {
        var changed = false;
        foreach (var source in _sources)
        {
            changed |= source switch
            {
                FileContactSource file => file.ReloadIfChanged(),
                CardDavContactSource cardDav => await cardDav.SyncOnceAsync(cancellationToken),
                _ => false,
            };
        }

        if (changed)
        {
            Compose();
        }

        return changed;
    }

    private CallRules RulesAfterCompose()
    {
        Compose();
        return _rules;
    }

    private Phonebook Compose()
    {
        lock (_composeLock)
        {
            var merged = new Dictionary<string, PhonebookContact>(StringComparer.Ordinal);
            CallRules? rules = null;
            foreach (var source in _sources)
            {
                var contents = source.Current;
                rules ??= contents.Rules;
                foreach (var (key, contact) in contents.Contacts)
                {
                    merged.TryAdd(key, contact);
                }
            }

            var phonebook = new Phonebook(merged);
            _rules = rules ?? CallRules.None;
            _current = phonebook;
            if (_sources.Count > 1)
            {
                Log.PhonebookMerged(_logger, phonebook.Count, _sources.Count);
            }

            if (!ReferenceEquals(_rules, _loggedRules) && _rules != CallRules.None)
            {
                LogRules(_rules);
            }

            _loggedRules = _rules;
            return phonebook;
        }
    }

    private void LogRules(CallRules rules)
    {
        var quiet = rules.QuietHours is { } q
            ? $"{q.From:HH\\:mm}–{q.To:HH\\:mm} {q.TimeZone.Id} ({(q.Action == RuleAction.Silent ? "silent" : "toast")})"
            : "none";
        Log.RulesLoaded(
            _logger,
            _sources[0].Name,
            rules.Blocked.Numbers.Count,
            rules.Blocked.Prefixes.Count,
            rules.Blocked.Action == RuleAction.Silent ? "silent" : "toast",
            quiet,
            rules.Dids.Count);
    }
}
