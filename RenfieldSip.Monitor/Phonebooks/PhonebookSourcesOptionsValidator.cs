using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>Stops the host at start with messages that name the key (<c>Phonebook:Sources:nextcloud:Url</c>); an unknown <c>Type</c> is <see cref="PhonebookSourceTypes"/>' to refuse.</summary>
internal sealed class PhonebookSourcesOptionsValidator : IValidateOptions<PhonebookSourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, PhonebookSourcesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (sourceName, source) in options.Sources)
        {
            var key = "Phonebook:Sources:" + sourceName;
            if (source is null)
            {
                continue;
            }

            switch (source.Kind())
            {
                case null:
                    failures.Add($"{key} needs a Path (vCard file or folder, Fritz!Box .xml export) or a Url (CardDAV address book); env PHONEBOOK_VCARD_PATH, PHONEBOOK_FRITZBOX_PATH or PHONEBOOK_CARDDAV_URL set the sources vcard, fritzbox and carddav");
                    break;
                case PhonebookSourceKind.CardDav:
                    if (!Uri.TryCreate(source.Url?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                    {
                        failures.Add($"{key}:Url must be the http(s) URL of the CardDAV address book");
                    }

                    if (source.RefreshInterval < TimeSpan.FromSeconds(1) || source.RefreshInterval > TimeSpan.FromDays(1))
                    {
                        failures.Add($"{key}:RefreshInterval must be between 00:00:01 and 1.00:00:00");
                    }

                    if (source.Timeout <= TimeSpan.Zero || source.Timeout > TimeSpan.FromMinutes(5))
                    {
                        failures.Add($"{key}:Timeout must be positive and at most 00:05:00");
                    }

                    break;
                default:
                    if (string.IsNullOrWhiteSpace(source.Path))
                    {
                        failures.Add($"{key}:Path must name the export file or folder");
                    }

                    break;
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
