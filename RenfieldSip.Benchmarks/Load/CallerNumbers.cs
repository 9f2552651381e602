namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// One German mobile number per generated call (+49 170 1000000 + call), so the 30 s dedup window hides nothing.
/// The monitor formats numbers for display ("+49 170 1000001"), so the sink matches on digits only.
/// </summary>
internal static class CallerNumbers
{
    public const int MaxCalls = 9_000_000;
    private const long Prefix = 49_170_0_000_000L;
    private const long First = Prefix + 1_000_000L;

    /// <summary>Seven fixed-width subscriber digits: the template patches them in place.</summary>
    public static int Subscriber(int call) => 1_000_000 + call;

    public static string Format(int call) => "+49170" + Subscriber(call).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParseCall(string? number, out int call)
    {
        call = -1;
        if (number is null)
        {
            return false;
        }

        long digits = 0;
        var count = 0;
        foreach (var c in number)
        {
            if (c is >= '0' and <= '9')
            {
                if (++count > 12)
                {
                    return false;
                }

                digits = (digits * 10) + (c - '0');
            }
        }

        if (count != 12 || digits < First || digits >= First + MaxCalls)
        {
            return false;
        }

        call = (int)(digits - First);
        return true;
    }
}
