namespace RenfieldSip.Tests.Phonebooks.Formats;

/// <summary>
/// vCard files as the real exporters write them, with LF line breaks; tests derive the CRLF and CR forms.
/// </summary>
internal static class VCardExports
{
    /// <summary>Google Contacts (3.0): item groups with X-ABLabel, folded NOTE at 75 chars, UTF-8 umlauts.</summary>
    public const string Google = """
        BEGIN:VCARD
        VERSION:3.0
        FN:Jürgen Müller
        N:Müller;Jürgen;;;
        EMAIL;TYPE=INTERNET;TYPE=HOME:juergen.mueller@example.de
        TEL;TYPE=CELL:+49 170 1234567
        TEL;TYPE=HOME:030 123456
        item1.TEL:+49 89 987654
        item1.X-ABLabel:Büro
        ADR;TYPE=HOME:;;Hauptstraße 5;Berlin;;10115;Deutschland
        NOTE:Ruft meistens abends an\, bitte nicht vor 18 Uhr zurückrufen. Google fal
         tet lange Zeilen nach 75 Zeichen\nund setzt sie mit einem Leerzeichen fort:
          TEL:+49 30 999999 steht hier nur als Text.
        CATEGORIES:myContacts,Familie
        END:VCARD
        BEGIN:VCARD
        VERSION:3.0
        FN:Straßenbau Weiß GmbH
        ORG:Straßenbau Weiß GmbH;
        TEL;TYPE=WORK:+49 40 5555-0
        CATEGORIES:myContacts
        END:VCARD

        """;

    /// <summary>iCloud (3.0): lower-case type parameters, TYPE=pref, a JPEG photo folded over many lines.</summary>
    public static readonly string ICloud = $$"""
        BEGIN:VCARD
        VERSION:3.0
        PRODID:-//Apple Inc.//macOS 14.4//EN
        N:Weiß;Günther;;;
        FN:Günther Weiß
        ORG:Bäckerei Weiß;
        TEL;type=CELL;type=VOICE;type=pref:+49 171 2345678
        TEL;type=HOME;type=VOICE:+49 40 1234567
        item1.ADR;type=HOME;type=pref:;;Lindenstraße 3;Hamburg;;20095;Deutschland
        item1.X-ABADR:de
        PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAASABIAAD/4QBMRXhpZgAATU0AKgAAAAgAAYdpAAQAAAABAAAAGgAAAAA
        {{Photo(60)}}
        CATEGORIES:Familie,Bäcker
        END:VCARD

        """;

    /// <summary>Android (2.1): UTF-8 quoted-printable names, bare type parameters, an indented photo ended by a blank line.</summary>
    public static readonly string Android = $$"""
        BEGIN:VCARD
        VERSION:2.1
        N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;
        FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller
        TEL;CELL;PREF:+491701234567
        TEL;HOME:030123456
        PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRof
        {{Photo(20)}}

        END:VCARD
        BEGIN:VCARD
        VERSION:2.1
        N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Schr=C3=B6der;K=C3=A4the;Maria;;
        TEL;CELL:+4917198765432
        END:VCARD

        """;

    /// <summary>
    /// An old Nokia (2.1): ISO-8859-1 quoted-printable, bare QUOTED-PRINTABLE, soft line breaks onto unindented lines
    /// (one continuing with a significant space), and a base64 logo whose lines are not indented.
    /// </summary>
    public const string Nokia = """
        BEGIN:VCARD
        VERSION:2.1
        N;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Sch=F6nfeld;Bj=F6rn
        FN;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:Gro=DFmutter Hildegard Sch=
        r=F6der-M=FCller
        TEL;PREF;CELL;VOICE:+4917012345678
        TEL;WORK;VOICE:0891234567
        CATEGORIES;QUOTED-PRINTABLE:Freunde,Sportverein=
         Gr=FCn-Wei=DF
        LOGO;ENCODING=BASE64;TYPE=GIF:R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7R0lGODlhAQAB
        AIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIB
        RAA7==

        NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Stra=DFe 5, bitte l=E4nger klingeln lass=
        en, die T=FCr ist schwer
        X-IRMC-LUID:000200000123
        END:VCARD

        """;

    /// <summary>Nextcloud / Radicale (4.0, written with CRLF): tel: URIs, quoted parameter lists, escaped commas in CATEGORIES.</summary>
    public const string Nextcloud = """
        BEGIN:VCARD
        VERSION:4.0
        PRODID:-//Sabre//Sabre VObject 4.5.4//EN
        UID:0c6e6d0a-5a3e-4a55-9bd0-6f1f2b1d8c11
        FN:Jörg Köhler
        N:Köhler;Jörg;;;
        TEL;VALUE=uri;TYPE="cell,voice":tel:+49-170-1234567
        TEL;VALUE=uri;TYPE=work;PREF=1:tel:+49-89-987654;ext=42
        TEL;TYPE=home;X-LABEL="Festnetz: Wohnung";VALUE=uri:TEL:+49-30-123456
        CATEGORIES:Arbeit,Freunde\, alte,Verein\\Sport
        REV:20240101T120000Z
        END:VCARD

        """;

    /// <summary>Every export above, by name, for the theories that must hold for all of them.</summary>
    public static TheoryData<string> All => new(nameof(Google), nameof(ICloud), nameof(Android), nameof(Nokia), nameof(Nextcloud));

    public static string Named(string name) => name switch
    {
        nameof(Google) => Google,
        nameof(ICloud) => ICloud,
        nameof(Android) => Android,
        nameof(Nokia) => Nokia,
        nameof(Nextcloud) => Nextcloud,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such export"),
    };

    public static string Crlf(string lf) => lf.Replace("\n", "\r\n", StringComparison.Ordinal);

    public static string Cr(string lf) => lf.Replace("\n", "\r", StringComparison.Ordinal);

    // Folded base64 lines: a space, then 75 base64 chars (RFC 6350 folds at 75 octets).
    private static string Photo(int lines) => string.Join(
        "\n",
        Enumerable.Range(0, lines).Select(line => " " + new string("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[line % 64], 75)));
}
