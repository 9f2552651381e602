using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Benchmarks.Micro;

/// <summary>A phonebook that never reloads: the lookup alone is measured, not the file watcher.</summary>
internal sealed class FixedPhonebook(Phonebook phonebook) : IPhonebookSource
{
    public Phonebook Current { get; } = phonebook;
}
