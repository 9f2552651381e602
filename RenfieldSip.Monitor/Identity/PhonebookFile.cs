using YamlDotNet.Core;

namespace RenfieldSip.Monitor.Identity;

/// <summary>
/// The phonebook file and the snapshot loaded from it: loaded once on first use, replaced only by an edit that
/// loads cleanly. A broken, missing or unreadable file never replaces a good snapshot; each case is logged.
/// </summary>
internal sealed class PhonebookFile(string path, PhonebookLoader loader, ILogger logger)
{
    private readonly Lock _initLock = new();
    private volatile Phonebook? _current;
    private FileFingerprint _loaded;

    public string Path => path;

    public Phonebook Current => _current ?? LoadInitial();

    /// <summary>Loads the file when its fingerprint changed since the last look. True when the snapshot was replaced.</summary>
    public bool ReloadIfChanged()
    {
        var previous = Current;
        var fingerprint = FileFingerprint.Of(path);
        if (fingerprint == _loaded)
        {
            return false;
        }

        _loaded = fingerprint;
        if (!fingerprint.Exists)
        {
            // Usually an editor between delete and rename; the next fingerprint change brings the file back.
            Log.PhonebookDisappeared(logger, path, previous.Count);
            return false;
        }

        try
        {
            var phonebook = loader.Load(path);
            _current = phonebook;
            Log.PhonebookReloaded(logger, path, phonebook.Count);
        }
        catch (YamlException exception)
        {
            Log.PhonebookBrokenOnReload(logger, path, exception.Start.Line, Reason(exception), previous.Count);
            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.PhonebookUnreadable(logger, path, previous.Count, exception);
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
            _loaded = FileFingerprint.Of(path);
            var phonebook = Phonebook.Empty;
            if (!_loaded.Exists)
            {
                Log.PhonebookMissing(logger, path);
            }
            else
            {
                try
                {
                    phonebook = loader.Load(path);
                    Log.PhonebookLoaded(logger, path, phonebook.Count);
                }
                catch (YamlException exception)
                {
                    Log.PhonebookBrokenAtStart(logger, path, exception.Start.Line, Reason(exception));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    Log.PhonebookUnreadable(logger, path, 0, exception);
                }
            }

            _current = phonebook;
            return phonebook;
        }
    }

    private static string Reason(YamlException exception)
    {
        // YamlDotNet prefixes the message with "(Line: 3, Col: 5, Idx: 40) - (…): "; the line is logged separately.
        var message = exception.Message;
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        return separator >= 0 && message.StartsWith('(') ? message[(separator + 3)..] : message;
    }
}
