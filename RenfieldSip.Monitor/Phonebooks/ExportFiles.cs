using RenfieldSip.Monitor.Phonebooks.Formats;

namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>Reads the export files a <see cref="WatchedFile"/> watches, into contact cards.</summary>
internal static class ExportFiles
{
    /// <summary>A <c>.vcf</c> file, or every <c>.vcf</c>/<c>.vcard</c> file of a folder; a broken file is named in the exception.</summary>
    public static List<ContactCard> ReadVCards(string path)
    {
        if (!Directory.Exists(path))
        {
            return ReadVCardFile(path, inFolder: false);
        }

        var cards = new List<ContactCard>();
        foreach (var file in VCardFolder.Files(new DirectoryInfo(path)))
        {
            cards.AddRange(ReadVCardFile(file.FullName, inFolder: true));
        }

        return cards;
    }

    /// <summary>A Fritz!Box export; the XML declaration's encoding (UTF-8 or ISO-8859-1 on older boxes) is honoured.</summary>
    public static IReadOnlyList<ContactCard> ReadFritzBox(string path)
    {
        using var stream = File.OpenRead(path);
        return FritzBoxPhonebookReader.Read(stream);
    }

    private static List<ContactCard> ReadVCardFile(string file, bool inFolder)
    {
        using var reader = File.OpenText(file);
        try
        {
            return [.. VCardReader.Read(reader)];
        }
        catch (PhonebookFormatException exception) when (inFolder)
        {
            throw new PhonebookFormatException(exception.Line, exception.Reason) { File = file };
        }
    }
}
