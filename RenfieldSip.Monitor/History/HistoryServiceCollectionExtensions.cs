using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Lifecycle;

namespace RenfieldSip.Monitor.History;

internal static class HistoryServiceCollectionExtensions
{
    /// <summary>The call history: the records built from each call's lifecycle, their store (on the process's Redis, see <c>AddRedis</c>) and writer, and the JSON the API answers in.</summary>
    public static IHostApplicationBuilder AddCallHistory(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HistoryOptions>, HistoryOptionsValidator>();
        builder.AddCallLifecycle();
        services.AddSingleton<CallHistory>();
        services.AddSingleton<CallHistoryStore>();
        services.AddHostedService(provider => provider.GetRequiredService<CallHistoryStore>());
        services.AddHostedService<CallHistoryWriter>();

        // The OpenAPI document describes the API's types from the same source-generated metadata (NativeAOT has no other).
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, CallHistoryJsonContext.Default));
        return builder;
    }
}
