namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// The dialplan names each file <c>&lt;Uniqueid with '-' for '.'&gt;.wav</c>. Whatever arrives in the event is taken
/// only if it is such a plain name: no directory part, no "..", nothing but letters, digits, '-', '_' and '.'.
/// </summary>
internal static class VoicemailFileName
{
    private const int MaxLength = 100;

    public static bool IsSafe(string? name) =>
        name is { Length: > 4 and <= MaxLength }
        && name.EndsWith(".wav", StringComparison.Ordinal)
        && name[0] != '.'
        && !name.Contains("..", StringComparison.Ordinal)
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
