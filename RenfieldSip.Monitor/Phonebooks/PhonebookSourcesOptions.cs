namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>
/// The <c>Phonebook:Sources</c> section: address books beside the YAML file, each under a name of the owner's choosing
/// (<c>Phonebook__Sources__nextcloud__Url</c>). The name is what logs, <c>/health</c> and the call history show.
/// The rest of <c>Phonebook</c> is <c>PhonebookOptions</c>'.
/// </summary>
internal sealed class PhonebookSourcesOptions
{
    public const string SectionName = "Phonebook:Sources";

    public Dictionary<string, PhonebookSourceOptions> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
