using System.Text;

namespace RenfieldSip.Monitor.Ami;

internal static class AsciiSpanExtensions
{
    public static bool EqualsAsciiIgnoreCase(this ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        Ascii.EqualsIgnoreCase(left, right);
}
