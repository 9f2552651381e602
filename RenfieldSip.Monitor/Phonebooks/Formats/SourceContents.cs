using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Rules;

namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>What one source contributes to the phonebook: its contacts by number key, and (the YAML file only) the rules.</summary>
internal sealed record SourceContents(IReadOnlyList<KeyValuePair<string, PhonebookContact>> Contacts, CallRules? Rules = null)
{
    public static SourceContents Empty { get; } = new([]);

    public int Count => Contacts.Count;
}
