using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace RenfieldSip.Monitor.Identity;

/// <summary>An immutable snapshot of the phonebook: normalized number key to sanitized name.</summary>
internal sealed class Phonebook
{
    private readonly FrozenDictionary<string, string> _names;

    public Phonebook(IEnumerable<KeyValuePair<string, string>> names)
    {
        _names = names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static Phonebook Empty { get; } = new([]);

    public int Count => _names.Count;

    /// <param name="key">A <see cref="NormalizedNumber.Key"/>.</param>
    public bool TryGetName(string key, [MaybeNullWhen(false)] out string name) => _names.TryGetValue(key, out name);
}
