using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Telemetry;

/// <summary>Turns a caller number into what telemetry may carry.</summary>
internal sealed class CallerNumberRedactor(IOptions<TelemetryOptions> options)
{
    private const int VisibleDigits = 2;
    private readonly bool _redact = options.Value.RedactCallerNumbers;

    public string Redact(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return "-";
        }

        return _redact ? Mask(number) : number;
    }

    /// <summary>Every digit but the last two replaced by <c>*</c>; <c>+</c> and spaces kept, anything else masked too.</summary>
    public static string Mask(string number)
    {
        ArgumentNullException.ThrowIfNull(number);

        // Keep the length and the last two digits: enough to tell two callers apart in a log, not enough to call back.
        var digits = 0;
        foreach (var c in number)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        return string.Create(number.Length, (number, digits), static (span, state) =>
        {
            var (source, total) = state;
            var index = 0;
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                if (char.IsAsciiDigit(c))
                {
                    index++;
                    span[i] = index > total - VisibleDigits ? c : '*';
                }
                else
                {
                    span[i] = c is '+' or ' ' ? c : '*';
                }
            }
        });
    }
}
