using System.Text;
using System.Xml;

namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <summary>The request bodies, each asking only for what the next step uses.</summary>
internal static class CardDavRequestBody
{
    /// <summary>Depth 0 on the pasted URL: is it an address book (with its change tokens), or where is the user's home?</summary>
    public static readonly byte[] Discover = Encoding.UTF8.GetBytes("""
        <?xml version="1.0" encoding="utf-8"?>
        <D:propfind xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav" xmlns:CS="http://calendarserver.org/ns/">
          <D:prop><D:resourcetype/><D:getcontenttype/><D:displayname/><CS:getctag/><D:sync-token/><D:current-user-principal/><C:addressbook-home-set/></D:prop>
        </D:propfind>
        """);

    /// <summary>Depth 1 on the home (which address books?) and Depth 0 on the address book (changed?).</summary>
    public static readonly byte[] Collections = Encoding.UTF8.GetBytes("""
        <?xml version="1.0" encoding="utf-8"?>
        <D:propfind xmlns:D="DAV:" xmlns:CS="http://calendarserver.org/ns/">
          <D:prop><D:resourcetype/><D:displayname/><CS:getctag/><D:sync-token/></D:prop>
        </D:propfind>
        """);

    /// <summary>Depth 1 on the address book: which cards, at which ETag (a few dozen bytes per card).</summary>
    public static readonly byte[] ETags = Encoding.UTF8.GetBytes("""
        <?xml version="1.0" encoding="utf-8"?>
        <D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/><D:getetag/></D:prop></D:propfind>
        """);

    /// <summary>RFC 6352 §8.6 with an empty filter, which matches every card: the fallback where multiget is refused.</summary>
    public static readonly byte[] QueryAll = Encoding.UTF8.GetBytes("""
        <?xml version="1.0" encoding="utf-8"?>
        <C:addressbook-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">
          <D:prop><D:getetag/><C:address-data/></D:prop>
          <C:filter/>
        </C:addressbook-query>
        """);

    /// <summary>RFC 6352 §8.7: these cards' ETags and texts. Written by XmlWriter so no href can break the XML.</summary>
    public static byte[] Multiget(IEnumerable<string> hrefs)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartElement("C", "addressbook-multiget", CardDavNames.CardDav);
            writer.WriteAttributeString("xmlns", "D", null, CardDavNames.Dav);
            writer.WriteStartElement("prop", CardDavNames.Dav);
            writer.WriteElementString("getetag", CardDavNames.Dav, string.Empty);
            writer.WriteElementString("address-data", CardDavNames.CardDav, string.Empty);
            writer.WriteEndElement();
            foreach (var href in hrefs)
            {
                writer.WriteElementString("href", CardDavNames.Dav, href);
            }

            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }
}
