using Microsoft.Extensions.Options;
using PhoneNumbers;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Identity;

/// <summary>
/// Makes <c>+49 170 1234567</c>, <c>0049 170 1234567</c>, <c>0170 1234567</c> and <c>+491701234567</c> one number,
/// so the phonebook matches whatever form the carrier or the user wrote.
/// </summary>
internal sealed class PhoneNumberNormalizer
{
    private readonly PhoneNumberUtil _phoneNumberUtil;
    private readonly string _defaultRegion;

    public PhoneNumberNormalizer(PhoneNumberUtil phoneNumberUtil, IOptions<PhonebookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _phoneNumberUtil = phoneNumberUtil;
        _defaultRegion = options.Value.DefaultRegion.Trim().ToUpperInvariant();
        CountryCode = phoneNumberUtil.GetCountryCodeForRegion(_defaultRegion);
    }

    /// <summary>The calling code of the default region (49 for DE): what a national <c>0…</c> prefix stands for.</summary>
    public int CountryCode { get; }

    /// <summary>Null when the text holds no digit at all; never throws.</summary>
    public NormalizedNumber? Normalize(string? raw)
    {
        var cleaned = UntrustedText.CleanNumber(raw);
        if (cleaned is null)
        {
            return null;
        }

        try
        {
            var number = _phoneNumberUtil.Parse(cleaned, _defaultRegion);
            // Possible (length-plausible, not only locally dialable) rather than valid: a freshly allocated number range must still
            // match the phonebook, while an internal extension like 100 must not become +49100.
            if (_phoneNumberUtil.IsPossibleNumberWithReason(number) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE)
            {
                var e164 = _phoneNumberUtil.Format(number, PhoneNumberFormat.E164);
                return new NormalizedNumber(e164, _phoneNumberUtil.Format(number, PhoneNumberFormat.INTERNATIONAL), e164);
            }
        }
        catch (NumberParseException)
        {
            // Falls through to the cleaned digits: a number we cannot parse is still worth showing.
        }

        return new NormalizedNumber(cleaned, cleaned, null);
    }
}
