namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>One entry of <c>Phonebook:Sources:&lt;name&gt;</c>: a vCard file or folder, a Fritz!Box export, or a CardDAV address book.</summary>
internal sealed class PhonebookSourceOptions
{
    /// <summary>
    /// <c>vcard</c>, <c>fritzbox</c> or <c>carddav</c> in any case (checked by <see cref="PhonebookSourceTypes"/>); when
    /// unset, taken from <see cref="Url"/> (CardDAV) or the path (<c>.xml</c> = Fritz!Box, else vCard).
    /// </summary>
    public PhonebookSourceKind? Type { get; set; }

    /// <summary>A vCard file, a folder of vCard files, or a Fritz!Box XML export; reloaded when it changes.</summary>
    public string? Path { get; set; }

    /// <summary>The CardDAV address book (or the server, or the user's principal: the address book is discovered).</summary>
    public string? Url { get; set; }

    public string? Username { get; set; }

    /// <summary>A secret: an app password where the server offers them. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>How often a CardDAV address book is asked whether it changed (one small request when it did not).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Upper bound for one CardDAV request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Precedence among the sources (lower first); the YAML file always comes before all of them.</summary>
    public int Order { get; set; }

    // Options end up in logs and debugger views; the password must never be part of that.
    public override string ToString() =>
        $"Type={(Type is { } type ? PhonebookSourceTypes.Name(type) : "(from Path or Url)")}, Path={Path}, Url={(Url is null ? "(none)" : PhonebookSourceUrl.Safe(Url))}, Username={Username ?? "(none)"}, " +
        $"Password={(string.IsNullOrEmpty(Password) ? "(none)" : "(set)")}, RefreshInterval={RefreshInterval}, Order={Order}";

    /// <summary>The kind this entry describes, or null when it cannot be told (the validator names the key then).</summary>
    public PhonebookSourceKind? Kind() => Type switch
    {
        { } type => type,
        null when !string.IsNullOrWhiteSpace(Url) => PhonebookSourceKind.CardDav,
        null when Path?.Trim().EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true => PhonebookSourceKind.FritzBox,
        null when !string.IsNullOrWhiteSpace(Path) => PhonebookSourceKind.VCard,
        _ => null,
    };
}
