using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace RenfieldSip.Monitor.Identity;

internal sealed class PhonebookOptionsValidator(PhoneNumberUtil phoneNumberUtil) : IValidateOptions<PhonebookOptions>
{
    public ValidateOptionsResult Validate(string? name, PhonebookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add("Phonebook:Path must name the phonebook YAML file (env PHONEBOOK_PATH)");
        }

        if (string.IsNullOrWhiteSpace(options.DefaultRegion)
            || !phoneNumberUtil.GetSupportedRegions().Contains(options.DefaultRegion.Trim().ToUpperInvariant()))
        {
            failures.Add("Phonebook:DefaultRegion must be a region code libphonenumber knows, such as DE, AT or CH");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
