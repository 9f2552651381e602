using System.Globalization;

namespace RenfieldSip.Monitor.History;

/// <summary>
/// A stored call's place, <c>milliseconds-sequence</c> as in a Redis stream entry id: the memory store makes the same
/// shape, so a paging cursor means the same whichever store answers.
/// </summary>
internal readonly record struct RecordId(long Milliseconds, long Sequence) : IComparable<RecordId>
{
    public static bool TryParse(ReadOnlySpan<char> text, out RecordId id)
    {
        id = default;
        var dash = text.IndexOf('-');
        if (dash <= 0
            || !long.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || !long.TryParse(text[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        id = new RecordId(milliseconds, sequence);
        return true;
    }

    public int CompareTo(RecordId other) =>
        Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds) : Sequence.CompareTo(other.Sequence);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
}
