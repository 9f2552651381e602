using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Tests.Identity;

internal sealed class StaticPhonebookSource(Phonebook phonebook) : IPhonebookSource
{
    public Phonebook Current => phonebook;
}
