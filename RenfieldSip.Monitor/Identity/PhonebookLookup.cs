namespace RenfieldSip.Monitor.Identity;

/// <summary>
/// The merged phonebook read both ways: a number to its contact (matched exactly as a caller is), a name to every
/// contact it means (see <see cref="NameMatch"/>) with all of their numbers.
/// </summary>
internal sealed class PhonebookLookup(IPhonebookSource phonebook, PhoneNumberNormalizer normalizer)
{
    public PhonebookEntry? ByNumber(string? number)
    {
        if (normalizer.Normalize(number) is not { } normalized || !phonebook.Current.TryGetContact(normalized.Key, out var contact))
        {
            return null;
        }

        return new PhonebookEntry(contact.Name, [normalized.Display], contact.Source);
    }

    /// <summary>Contacts in name order; one entry per name and source.</summary>
    public IReadOnlyList<PhonebookEntry> ByName(string? name)
    {
        if (NameMatch.Parse(name) is not { } match)
        {
            return [];
        }

        return
        [
            .. phonebook.Current.Entries
                .Where(entry => match.Matches(entry.Value.Name))
                .GroupBy(entry => (entry.Value.Name, entry.Value.Source))
                .Select(group => new PhonebookEntry(
                    group.Key.Name,
                    [.. group.Select(entry => normalizer.Normalize(entry.Key)?.Display ?? entry.Key).Order(StringComparer.Ordinal)],
                    group.Key.Source))
                .OrderBy(entry => entry.Name, StringComparer.OrdinalIgnoreCase),
        ];
    }
}
