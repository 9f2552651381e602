namespace RenfieldSip.Monitor.Identity;

internal interface IPhonebookSource
{
    /// <summary>The phonebook as last loaded successfully; reading it takes no lock.</summary>
    Phonebook Current { get; }
}
