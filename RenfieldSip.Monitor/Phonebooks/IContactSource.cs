using RenfieldSip.Monitor.Phonebooks.Formats;

namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>One configured place contacts come from: the YAML file, an export file or folder, or a CardDAV address book.</summary>
internal interface IContactSource
{
    /// <summary>The name shown in logs, <c>/health</c> and the call history (<c>phonebook.yaml</c>, a configured source's name).</summary>
    string Name { get; }

    /// <summary>The last contents that loaded cleanly; empty until the first load. Reading it takes no lock.</summary>
    SourceContents Current { get; }

    /// <summary>Why <see cref="Current"/> is not what the source holds right now, in words; null when fine.</summary>
    string? Problem { get; }

    /// <summary>Watches or polls the source until cancelled, calling <paramref name="changed"/> after <see cref="Current"/> was replaced.</summary>
    Task RunAsync(Action changed, CancellationToken cancellationToken);
}
