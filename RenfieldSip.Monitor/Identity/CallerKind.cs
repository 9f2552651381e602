namespace RenfieldSip.Monitor.Identity;

internal enum CallerKind
{
    /// <summary>The number is in the phonebook; <see cref="CallerIdentity.Name"/> is the phonebook name.</summary>
    Contact,

    /// <summary>Not in the phonebook, but the network sent a usable display name.</summary>
    Named,

    /// <summary>Only a number is known.</summary>
    NumberOnly,

    /// <summary>The caller withheld the number; nothing about it may be shown.</summary>
    Withheld,

    /// <summary>No number at all (<c>&lt;unknown&gt;</c>, empty, or an unusable value).</summary>
    Unknown,
}
