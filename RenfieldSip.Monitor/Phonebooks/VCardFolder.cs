namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>A folder of vCard files, as a phone backup or <c>vdirsyncer</c> leaves it: one or many cards per file.</summary>
internal static class VCardFolder
{
    public static IEnumerable<FileInfo> Files(DirectoryInfo folder) =>
        folder.EnumerateFiles("*", new EnumerationOptions { IgnoreInaccessible = true, RecurseSubdirectories = false })
            .Where(file => file.Extension.Equals(".vcf", StringComparison.OrdinalIgnoreCase) || file.Extension.Equals(".vcard", StringComparison.OrdinalIgnoreCase))
            .OrderBy(file => file.Name, StringComparer.Ordinal);
}
