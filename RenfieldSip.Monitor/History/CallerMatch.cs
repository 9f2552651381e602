using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Monitor.History;

/// <summary>
/// Which caller a query asks for: a name (see <see cref="NameMatch"/>) or the trailing digits of a number, so
/// <c>0170 5555555</c>, <c>+49 170 5555555</c> and <c>5555555</c> all find <c>+49 170 5555555</c>. A withheld
/// caller matches nothing: neither a name nor a number of it is held. With <c>History:RedactNumbers</c> only names
/// match, since no number is held in full.
/// </summary>
internal sealed class CallerMatch
{
    // Fewer digits than this would match half the list.
    private const int MinimumDigits = 3;

    private readonly NameMatch? _name;
    private readonly string[] _numbers;

    private CallerMatch(NameMatch? name, string[] numbers)
    {
        _name = name;
        _numbers = numbers;
    }

    /// <summary>Text with a letter is a name, otherwise a number; null when it is neither.</summary>
    public static CallerMatch? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Any(char.IsLetter))
        {
            return NameMatch.Parse(text) is { } name ? new CallerMatch(name, []) : null;
        }

        return Digits(text) is { } digits ? new CallerMatch(null, [digits]) : null;
    }

    /// <summary>This match, and calls from any of <paramref name="numbers"/> too (a person's numbers from the phonebook).</summary>
    public CallerMatch OrFrom(IEnumerable<string> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        return new CallerMatch(_name, [.. _numbers, .. numbers.Select(Digits).OfType<string>()]);
    }

    public bool Matches(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Withheld)
        {
            return false;
        }

        if (_name is not null && _name.Matches(record.CallerName))
        {
            return true;
        }

        if (_numbers.Length == 0 || Digits(record.CallerNumber) is not { } recorded)
        {
            return false;
        }

        foreach (var number in _numbers)
        {
            if (recorded.EndsWith(number, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The digits without leading zeros (the trunk prefix <c>0</c>, the international <c>00</c>); null when too few to mean one caller.</summary>
    private static string? Digits(string? number)
    {
        if (number is null)
        {
            return null;
        }

        var digits = new string([.. number.Where(char.IsAsciiDigit)]).TrimStart('0');
        return digits.Length >= MinimumDigits ? digits : null;
    }
}
