using System.ComponentModel.DataAnnotations;
using PhoneNumbers;

namespace RenfieldSip.Monitor.Identity;

/// <summary>A region code libphonenumber knows (DE, AT, CH, …), in any case.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class PhoneRegionAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is string region && !string.IsNullOrWhiteSpace(region)
        && PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(region.Trim().ToUpperInvariant());
}
