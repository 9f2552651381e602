namespace RenfieldSip.Monitor.History;

/// <summary>Asterisk's Hangup event in the history's words (the captures in RenfieldSip.Tests/Fixtures/ami show each case).</summary>
internal static class HangupCauses
{
    private const int NormalClearing = 16;
    private const int NoUserResponding = 18;
    private const int NoAnswer = 19;
    private const int CallRejected = 21;

    // SIP 487 Request Terminated: the caller's CANCEL. Asterisk reports it as cause 127 (interworking).
    private const string RequestTerminated = "487";

    public static CallEnding Classify(int? cause, string? techCause)
    {
        if (string.Equals(techCause?.Trim(), RequestTerminated, StringComparison.Ordinal))
        {
            return CallEnding.CallerHungUp;
        }

        return cause switch
        {
            NormalClearing => CallEnding.CallerHungUp,
            CallRejected or NoAnswer or NoUserResponding => CallEnding.Rejected,
            _ => CallEnding.OtherCause,
        };
    }

    /// <summary>The cause as a number, when Asterisk sent one that fits Q.850 (0-127).</summary>
    public static int? Parse(string? cause) =>
        int.TryParse(cause, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value <= 127
            ? value
            : null;
}
