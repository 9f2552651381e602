using System.Text;

namespace RenfieldSip.Monitor.Identity;

/// <summary>
/// Whether a spoken or typed name means a phonebook or announced name: every word asked for starts a word of the
/// name, case and umlauts aside, so „Oma“ finds „Oma Helga“ and „mueller“ finds „Müller“.
/// </summary>
internal sealed class NameMatch
{
    private readonly string[] _words;

    private NameMatch(string[] words) => _words = words;

    /// <summary>Null when <paramref name="text"/> holds no word.</summary>
    public static NameMatch? Parse(string? text)
    {
        var words = Words(text);
        return words.Length == 0 ? null : new NameMatch(words);
    }

    public bool Matches(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var nameWords = Words(name);
        foreach (var word in _words)
        {
            if (!Array.Exists(nameWords, candidate => candidate.StartsWith(word, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static string[] Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var folded = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            // InvariantGlobalization leaves no culture to fold accents with; the German ones are spelt out.
            switch (char.ToLowerInvariant(c))
            {
                case 'ä': folded.Append("ae"); break;
                case 'ö': folded.Append("oe"); break;
                case 'ü': folded.Append("ue"); break;
                case 'ß': folded.Append("ss"); break;
                case var lower when char.IsLetterOrDigit(lower): folded.Append(lower); break;
                default: folded.Append(' '); break;
            }
        }

        return folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
