namespace RenfieldSip.Monitor.Phonebooks;

internal enum PhonebookSourceKind
{
    /// <summary>A <c>.vcf</c> file or a folder of them.</summary>
    VCard,

    /// <summary>A Fritz!Box phonebook export (<c>Telefonbuch.xml</c>).</summary>
    FritzBox,

    /// <summary>A CardDAV address book on a server.</summary>
    CardDav,
}
