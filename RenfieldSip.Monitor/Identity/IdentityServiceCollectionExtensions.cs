using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace RenfieldSip.Monitor.Identity;

internal static class IdentityServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCallerIdentity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PhonebookOptions>().BindConfiguration(PhonebookOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PhonebookOptions>, PhonebookOptionsValidator>();

        // Loading the metadata takes a noticeable moment; the one instance is shared.
        services.TryAddSingleton(_ => PhoneNumberUtil.GetInstance());
        services.AddSingleton<PhoneNumberNormalizer>();
        services.AddSingleton<ICallerIdentifier, CallerIdentifier>();
        services.AddSingleton<PhonebookLookup>();
        return builder;
    }
}
