namespace RenfieldSip.Monitor.Identity;

internal enum CallerKind
{
    /// <summary>The number is in the phonebook; <see cref="CallerIdentity.Name"/> is the phonebook name.</summary>
    Contact,

    /// <summary>
    /// Not in the phonebook, but the call carried a usable display name. Whoever places a call writes that name, so it
    /// is shown as the caller's claim and never spoken: the announcement names the number.
    /// </summary>
    Named,

    /// <summary>Only a number is known.</summary>
    NumberOnly,

    /// <summary>The caller withheld the number; nothing about it may be shown.</summary>
    Withheld,

    /// <summary>The monitor's own test call: the name was typed by whoever holds the monitor's token.</summary>
    TestCall,

    /// <summary>No number at all (<c>&lt;unknown&gt;</c>, empty, or an unusable value).</summary>
    Unknown,
}
