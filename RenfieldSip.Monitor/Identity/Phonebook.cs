using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace RenfieldSip.Monitor.Identity;

/// <summary>An immutable snapshot of the merged phonebook: normalized number key to contact, and the call rules.</summary>
internal sealed class Phonebook
{
    private readonly FrozenDictionary<string, PhonebookContact> _contacts;

    public Phonebook(IEnumerable<KeyValuePair<string, PhonebookContact>> contacts, CallRules? rules = null)
    {
        _contacts = contacts.ToFrozenDictionary(StringComparer.Ordinal);
        Rules = rules ?? CallRules.None;
    }

    public static Phonebook Empty { get; } = new([]);

    public int Count => _contacts.Count;

    public CallRules Rules { get; }

    /// <summary>Every number (its <see cref="NormalizedNumber.Key"/>) with its contact, for look-ups by name.</summary>
    public IEnumerable<KeyValuePair<string, PhonebookContact>> Entries => _contacts;

    /// <param name="key">A <see cref="NormalizedNumber.Key"/>.</param>
    public bool TryGetContact(string key, [MaybeNullWhen(false)] out PhonebookContact contact) => _contacts.TryGetValue(key, out contact);
}
