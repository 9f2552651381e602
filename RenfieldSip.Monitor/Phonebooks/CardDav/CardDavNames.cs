namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <summary>The XML namespaces CardDAV speaks in.</summary>
internal static class CardDavNames
{
    public const string Dav = "DAV:";

    /// <summary>RFC 6352.</summary>
    public const string CardDav = "urn:ietf:params:xml:ns:carddav";

    /// <summary>Apple's CalendarServer extensions, home of getctag.</summary>
    public const string CalendarServer = "http://calendarserver.org/ns/";
}
