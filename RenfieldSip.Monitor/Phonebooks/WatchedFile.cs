using RenfieldSip.Monitor.Phonebooks.Formats;

namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>
/// A phonebook file (or a folder of exports) and what was last loaded from it: loaded once on first use, replaced
/// only by an edit that loads cleanly. A broken, missing or unreadable file never replaces good contents; each case
/// is logged once and kept as <see cref="Problem"/> for <c>/health</c>.
/// </summary>
/// <param name="path">The file or folder.</param>
/// <param name="load">Reads the path; throws <see cref="PhonebookFormatException"/>, <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.</param>
/// <param name="required">A configured export that is missing is a problem; the default YAML file that is missing is not.</param>
/// <param name="logger">Where load results go.</param>
internal sealed class WatchedFile(string path, Func<string, SourceContents> load, bool required, ILogger logger)
{
    private readonly Lock _initLock = new();
    private volatile SourceContents? _current;
    private FileFingerprint _loaded;

    public string Path => path;

    public SourceContents Current => _current ?? LoadInitial();

    /// <summary>Why the file's current contents are not what the file holds, in words for <c>/health</c>; null when fine.</summary>
    public string? Problem { get; private set; }

    /// <summary>Loads the file when its fingerprint changed since the last look. True when the contents were replaced.</summary>
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
            Problem = $"{path} has disappeared; keeping the last {previous.Count} entries";
            return false;
        }

        try
        {
            var contents = load(path);
            _current = contents;
            Problem = null;
            Log.PhonebookReloaded(logger, path, contents.Count);
        }
        catch (PhonebookFormatException exception)
        {
            var where = exception.File ?? path;
            Log.PhonebookBrokenOnReload(logger, where, exception.Line, exception.Reason, previous.Count);
            Problem = $"{where} is broken at line {exception.Line}: {exception.Reason}; keeping the last {previous.Count} entries";
            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.PhonebookUnreadable(logger, path, previous.Count, exception);
            Problem = $"{path} cannot be read ({exception.GetType().Name}); keeping the last {previous.Count} entries";
            return false;
        }

        return true;
    }

    private SourceContents LoadInitial()
    {
        lock (_initLock)
        {
            if (_current is { } loaded)
            {
                return loaded;
            }

            // Fingerprint before reading, so an edit racing the first load is picked up by the first poll.
            _loaded = FileFingerprint.Of(path);
            var contents = SourceContents.Empty;
            if (!_loaded.Exists)
            {
                Log.PhonebookMissing(logger, path);
                Problem = required ? $"{path} does not exist" : null;
            }
            else
            {
                try
                {
                    contents = load(path);
                    Log.PhonebookLoaded(logger, path, contents.Count);
                }
                catch (PhonebookFormatException exception)
                {
                    var where = exception.File ?? path;
                    Log.PhonebookBrokenAtStart(logger, where, exception.Line, exception.Reason);
                    Problem = $"{where} is broken at line {exception.Line}: {exception.Reason}";
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    Log.PhonebookUnreadable(logger, path, 0, exception);
                    Problem = $"{path} cannot be read ({exception.GetType().Name})";
                }
            }

            _current = contents;
            return contents;
        }
    }
}
