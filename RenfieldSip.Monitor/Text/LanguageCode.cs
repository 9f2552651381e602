namespace RenfieldSip.Monitor.Text;

/// <summary>A <see cref="Language"/> as the configuration, HTML's <c>lang</c> and Renfield's speech-to-text name it.</summary>
internal static class LanguageCode
{
    public const string German = "de";
    public const string English = "en";

    /// <summary><c>de</c> or <c>en</c>, any case, surrounding blanks ignored; anything else is not a language here.</summary>
    public static bool TryParse(string? code, out Language language)
    {
        var trimmed = code.AsSpan().Trim();
        if (trimmed.Equals(English, StringComparison.OrdinalIgnoreCase))
        {
            language = Language.English;
            return true;
        }

        language = Language.German;
        return trimmed.Equals(German, StringComparison.OrdinalIgnoreCase);
    }

    public static string Of(Language language) => language == Language.English ? English : German;
}
