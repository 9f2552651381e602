using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace RenfieldSip.Tests.AppHost;

/// <summary>
/// Builds the real AppHost (its own <c>AppHost.cs</c>) through Aspire.Hosting.Testing, configured only the way a
/// developer configures it: <c>Parameters:&lt;name&gt;</c> keys.
/// </summary>
internal static class AppHostFactory
{
    /// <summary>Values for every parameter that has no default, so that nothing prompts.</summary>
    public static readonly IReadOnlyDictionary<string, string> RequiredParameters = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sip-username"] = Deployment.ContainerProvider.Username,
        ["sip-password"] = Deployment.ContainerProvider.Password,
        ["webhook-url"] = "http://127.0.0.1:9/api/notifications/webhook",
        ["webhook-token"] = "apphost-test-token",
        ["ami-secret"] = "apphost-test-ami-secret-0123456789ab",
    };

    public static Task<IDistributedApplicationTestingBuilder> CreateAsync(
        IReadOnlyDictionary<string, string>? parameters = null,
        IReadOnlyDictionary<string, string>? configuration = null,
        Action<DistributedApplicationOptions>? configureOptions = null,
        CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, string>(RequiredParameters, StringComparer.Ordinal);
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        var args = values.Select(p => $"--Parameters:{p.Key}={p.Value}").ToList();

        foreach (var (key, value) in configuration ?? new Dictionary<string, string>())
        {
            args.Add($"--{key}={value}");
        }

        return DistributedApplicationTestingBuilder.CreateAsync<Projects.RenfieldSip_AppHost>(
            [.. args],
            (options, _) => configureOptions?.Invoke(options),
            cancellationToken);
    }
}
