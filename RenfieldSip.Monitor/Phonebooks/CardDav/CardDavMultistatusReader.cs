using System.Globalization;
using System.Xml;

namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <summary>
/// Reads a WebDAV multistatus (RFC 4918 §14.16) into <see cref="CardDavResource"/>s. The XML comes from a server we do
/// not control: no DTD (no entity expansion), no resolver, and unknown elements are skipped unread. Throws
/// <see cref="XmlException"/> or <see cref="InvalidDataException"/>, never quoting the document.
/// </summary>
internal static class CardDavMultistatusReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    public static List<CardDavResource> Read(Stream document, int maxResponses)
    {
        using var reader = XmlReader.Create(document, Settings);
        reader.MoveToContent();
        if (!Is(reader, CardDavNames.Dav, "multistatus"))
        {
            throw new InvalidDataException("the document is not a DAV:multistatus");
        }

        var responses = new List<CardDavResource>();
        ReadChildren(reader, child =>
        {
            if (!Is(child, CardDavNames.Dav, "response"))
            {
                child.Skip();
                return;
            }

            if (responses.Count >= maxResponses)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"more than {maxResponses} responses"));
            }

            responses.Add(ReadResponse(child));
        });

        // Anything after the root element must still be well-formed; reading it to the end makes the reader check.
        while (reader.Read())
        {
        }

        return responses;
    }

    private static CardDavResource ReadResponse(XmlReader reader)
    {
        var resource = new CardDavResource();
        var hasHref = false;
        ReadChildren(reader, child =>
        {
            if (Is(child, CardDavNames.Dav, "href") && !hasHref)
            {
                resource.Href = child.ReadElementContentAsString().Trim();
                hasHref = true;
            }
            else if (Is(child, CardDavNames.Dav, "status"))
            {
                resource.Status = ParseStatus(child.ReadElementContentAsString());
            }
            else if (Is(child, CardDavNames.Dav, "propstat"))
            {
                ReadPropstat(child, resource);
            }
            else
            {
                child.Skip();
            }
        });

        return hasHref ? resource : throw new InvalidDataException("a response without an href");
    }

    // The status follows the prop it qualifies, so the properties are collected aside and kept only for a 2xx.
    private static void ReadPropstat(XmlReader reader, CardDavResource resource)
    {
        var properties = new CardDavResource();
        int? status = null;
        ReadChildren(reader, child =>
        {
            if (Is(child, CardDavNames.Dav, "prop"))
            {
                ReadChildren(child, property => ReadProperty(property, properties));
            }
            else if (Is(child, CardDavNames.Dav, "status"))
            {
                status = ParseStatus(child.ReadElementContentAsString());
            }
            else
            {
                child.Skip();
            }
        });

        if (status is null or (>= 200 and < 300))
        {
            resource.Merge(properties);
        }
    }

    private static void ReadProperty(XmlReader reader, CardDavResource properties)
    {
        switch (reader.NamespaceURI, reader.LocalName)
        {
            case (CardDavNames.Dav, "resourcetype"):
                ReadChildren(reader, kind =>
                {
                    switch (kind.NamespaceURI, kind.LocalName)
                    {
                        case (CardDavNames.Dav, "collection"):
                            properties.IsCollection = true;
                            break;
                        case (CardDavNames.CardDav, "addressbook"):
                            properties.IsAddressBook = true;
                            break;
                        case (CardDavNames.Dav, "principal"):
                            properties.IsPrincipal = true;
                            break;
                        case (CardDavNames.Dav, _):
                            break;
                        default:
                            properties.IsOtherKind = true;
                            break;
                    }

                    kind.Skip();
                });
                break;
            case (CardDavNames.Dav, "getetag"):
                properties.ETag = Text(reader);
                break;
            case (CardDavNames.CalendarServer, "getctag"):
                properties.CTag = Text(reader);
                break;
            case (CardDavNames.Dav, "sync-token"):
                properties.SyncToken = Text(reader);
                break;
            case (CardDavNames.Dav, "getcontenttype"):
                properties.ContentType = Text(reader);
                break;
            case (CardDavNames.Dav, "displayname"):
                properties.DisplayName = Text(reader);
                break;
            case (CardDavNames.Dav, "current-user-principal"):
                properties.CurrentUserPrincipal = FirstHref(reader);
                break;
            case (CardDavNames.CardDav, "addressbook-home-set"):
                properties.AddressBookHomeSet = FirstHref(reader);
                break;
            case (CardDavNames.CardDav, "address-data"):
                // The card's text as sent: no trimming, the caller's parser decides.
                var data = reader.ReadElementContentAsString();
                properties.AddressData = data.Length == 0 ? null : data;
                break;
            default:
                reader.Skip();
                break;
        }
    }

    private static string? FirstHref(XmlReader reader)
    {
        string? href = null;
        ReadChildren(reader, child =>
        {
            if (href is null && Is(child, CardDavNames.Dav, "href"))
            {
                href = Text(child);
            }
            else
            {
                child.Skip();
            }
        });

        return href;
    }

    private static string? Text(XmlReader reader)
    {
        var text = reader.ReadElementContentAsString().Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>"HTTP/1.1 404 Not Found" → 404.</summary>
    private static int? ParseStatus(string line)
    {
        var parts = line.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;
    }

    private static bool Is(XmlReader reader, string ns, string localName) =>
        reader.NodeType == XmlNodeType.Element && reader.LocalName == localName && reader.NamespaceURI == ns;

    /// <summary>
    /// Calls <paramref name="element"/> for each child element of the current one, which must consume that child
    /// entirely; leaves the reader after the current element's end.
    /// </summary>
    private static void ReadChildren(XmlReader reader, Action<XmlReader> element)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (true)
        {
            if (reader.EOF)
            {
                throw new InvalidDataException("the document ends inside an element");
            }

            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                reader.Read();
                return;
            }

            if (reader.NodeType == XmlNodeType.Element)
            {
                element(reader);
            }
            else
            {
                reader.Read();
            }
        }
    }
}
