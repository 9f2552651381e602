namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <summary>
/// One DAV:response of a multistatus: its href and the properties the server reported with a 2xx propstat (a property
/// it reports as 404 stays null). Filled by <see cref="CardDavMultistatusReader"/>.
/// </summary>
internal sealed class CardDavResource
{
    /// <summary>As the server wrote it: a path or an absolute URL, maybe percent-encoded.</summary>
    public string Href { get; set; } = string.Empty;

    /// <summary>The response-level DAV:status (multiget answers 404 this way for a card deleted meanwhile); null when absent.</summary>
    public int? Status { get; set; }

    public bool IsCollection { get; set; }

    public bool IsAddressBook { get; set; }

    /// <summary>DAV:principal (RFC 3744): sabre/dav (Nextcloud, Baïkal) reports it without DAV:collection.</summary>
    public bool IsPrincipal { get; set; }

    /// <summary>The resourcetype names a kind other than an address book: a calendar, a scheduling inbox, ...</summary>
    public bool IsOtherKind { get; set; }

    public string? ETag { get; set; }

    public string? CTag { get; set; }

    public string? SyncToken { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>DAV:getcontenttype: <c>text/vcard</c> for a card, <c>text/calendar</c> for an event, a web page's type for some roots.</summary>
    public string? ContentType { get; set; }

    /// <summary>A card or a calendar object: a single file of the kind a user pastes by mistake.</summary>
    public bool IsCardOrEvent =>
        !IsCollection && ContentType is { } type
        && (type.StartsWith("text/vcard", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/x-vcard", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("text/calendar", StringComparison.OrdinalIgnoreCase));

    public string? CurrentUserPrincipal { get; set; }

    public string? AddressBookHomeSet { get; set; }

    public string? AddressData { get; set; }

    public bool IsSuccess => Status is null or (>= 200 and < 300);

    /// <summary>Takes what <paramref name="other"/> reported (a second 2xx propstat of the same response).</summary>
    public void Merge(CardDavResource other)
    {
        IsCollection |= other.IsCollection;
        IsAddressBook |= other.IsAddressBook;
        IsPrincipal |= other.IsPrincipal;
        IsOtherKind |= other.IsOtherKind;
        ETag ??= other.ETag;
        CTag ??= other.CTag;
        SyncToken ??= other.SyncToken;
        DisplayName ??= other.DisplayName;
        ContentType ??= other.ContentType;
        CurrentUserPrincipal ??= other.CurrentUserPrincipal;
        AddressBookHomeSet ??= other.AddressBookHomeSet;
        AddressData ??= other.AddressData;
    }
}
