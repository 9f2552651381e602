using RenfieldSip.Monitor.Configuration;

namespace RenfieldSip.Monitor.Identity;

/// <summary>Bound from the <c>Phonebook</c> section; <c>PHONEBOOK_PATH</c> is an alias for <c>Phonebook:Path</c>.</summary>
internal sealed class PhonebookOptions
{
    public const string SectionName = "Phonebook";

    /// <summary>The YAML phonebook; a relative path is resolved against the working directory.</summary>
    [NotBlank(ErrorMessage = "Phonebook:Path must name the phonebook YAML file (env PHONEBOOK_PATH)")]
    public string Path { get; set; } = "config/sip/phonebook.yaml";

    /// <summary>The region national numbers (<c>0170 …</c>) belong to, as an ISO 3166 code libphonenumber knows.</summary>
    [PhoneRegion(ErrorMessage = "Phonebook:DefaultRegion must be a region code libphonenumber knows, such as DE, AT or CH")]
    public string DefaultRegion { get; set; } = "DE";
}
