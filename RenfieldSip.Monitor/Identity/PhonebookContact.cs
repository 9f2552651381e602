namespace RenfieldSip.Monitor.Identity;

/// <summary>One number's entry in the phonebook, after every source was merged.</summary>
/// <param name="Name">The name to announce, already made safe to show and speak.</param>
/// <param name="Source">The name of the source it came from (<c>phonebook.yaml</c>, a configured source's name).</param>
/// <param name="Groups">The contact's groups (vCard <c>CATEGORIES</c>, Fritz!Box „Wichtig“, YAML <c>groups:</c>).</param>
/// <param name="AlwaysSpeak">The YAML entry says this caller is spoken even in quiet hours.</param>
internal sealed record PhonebookContact(string Name, string Source, IReadOnlyList<string> Groups, bool AlwaysSpeak = false);
