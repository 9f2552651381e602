namespace RenfieldSip.Tests.Support;

/// <summary>
/// The ASCII digits of a caller number: what tests compare, since the webhook's <c>caller_number</c> is formatted
/// (<c>+49 170 1234567</c>) and the wire's is not (<c>+491701234567</c>).
/// </summary>
internal static class PhoneDigits
{
    public static string Of(string? text) => new([.. (text ?? string.Empty).Where(char.IsAsciiDigit)]);
}
