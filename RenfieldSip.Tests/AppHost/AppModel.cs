using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace RenfieldSip.Tests.AppHost;

/// <summary>
/// The AppHost's model as its code declares it, not built: resources and their unevaluated environment. Building
/// would cost a shutdown timeout per test, since a built app that never ran waits for its entry point to exit.
/// </summary>
internal sealed class AppModel : IAsyncDisposable
{
    private readonly IDistributedApplicationTestingBuilder _builder;

    private AppModel(IDistributedApplicationTestingBuilder builder) => _builder = builder;

    public static async Task<AppModel> BuildAsync(IReadOnlyDictionary<string, string>? parameters = null, CancellationToken cancellationToken = default) =>
        new(await AppHostFactory.CreateAsync(parameters, cancellationToken: cancellationToken));

    public IResource Resource(string name) => _builder.Resources.Single(r => r.Name == name);

    public T Resource<T>(string name)
        where T : IResource => (T)Resource(name);

    /// <summary>What the run-mode environment callbacks put into the resource's environment, before evaluation.</summary>
    public async Task<Dictionary<string, object>> EnvironmentAsync(string name, CancellationToken cancellationToken)
    {
        var resource = Resource(name);
        var context = new EnvironmentCallbackContext(_builder.ExecutionContext, resource, cancellationToken: cancellationToken);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.EnvironmentVariables;
    }

    public ValueTask DisposeAsync() => _builder.DisposeAsync();
}
