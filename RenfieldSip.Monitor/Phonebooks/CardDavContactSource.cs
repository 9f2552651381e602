using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Phonebooks.CardDav;
using RenfieldSip.Monitor.Phonebooks.Formats;

namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>
/// A CardDAV address book (Nextcloud, Radicale, Baïkal), asked every <c>RefreshInterval</c> whether it changed. A
/// failure keeps the last good contents and is logged once per distinct reason, not on every attempt.
/// </summary>
internal sealed class CardDavContactSource(
    string name,
    CardDavClient client,
    string safeUrl,
    TimeSpan refreshInterval,
    ContactCardConverter converter,
    TimeProvider timeProvider,
    ILogger logger) : IContactSource
{
    private volatile SourceContents _current = SourceContents.Empty;
    private CardDavSyncState? _state;
    private bool _loadedOnce;

    public string Name => name;

    public SourceContents Current => _current;

    public string? Problem { get; private set; } = "not loaded yet";

    public async Task RunAsync(Action changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);

        // The first sync is network work: it must not hold up the host's start.
        await Task.Yield();
        try
        {
            while (true)
            {
                if (await SyncOnceAsync(cancellationToken))
                {
                    changed();
                }

                await Task.Delay(refreshInterval, timeProvider, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One iteration of the refresh loop. True when <see cref="Current"/> was replaced.</summary>
    internal async Task<bool> SyncOnceAsync(CancellationToken cancellationToken)
    {
        CardDavSyncResult result;
        try
        {
            result = await client.SyncAsync(_state, cancellationToken);
        }
        catch (CardDavException exception)
        {
            var reason = exception.Message;
            if (!string.Equals(reason, Problem, StringComparison.Ordinal))
            {
                Log.RemoteSourceFailed(logger, name, reason, _current.Count, refreshInterval);
            }

            Problem = reason;
            return false;
        }

        var recovered = _loadedOnce && Problem is not null;
        _state = result.State;
        Problem = null;
        if (recovered)
        {
            Log.RemoteSourceRecovered(logger, name, safeUrl);
        }

        if (!result.Changed && _loadedOnce)
        {
            return false;
        }

        _current = converter.Convert(CardDavCardReader.Read(result.Cards, (card, exception) => Log.RemoteCardBroken(logger, name, card.Href, exception.Line, exception.Reason)), safeUrl, name);
        _loadedOnce = true;
        Log.RemoteSourceLoaded(logger, name, safeUrl, _current.Count);
        return true;
    }
}
