using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace RenfieldSip.Tests.AppHost;

/// <summary>The AppHost's model, built but not started: resources and their unevaluated environment.</summary>
internal sealed class AppModel : IAsyncDisposable
{
    private readonly DistributedApplication _app;

    private AppModel(DistributedApplication app) => _app = app;

    public DistributedApplicationModel Model => _app.Services.GetRequiredService<DistributedApplicationModel>();

    public static async Task<AppModel> BuildAsync(IReadOnlyDictionary<string, string>? parameters = null, CancellationToken cancellationToken = default)
    {
        var builder = await AppHostFactory.CreateAsync(parameters, cancellationToken: cancellationToken);
        return new AppModel(await builder.BuildAsync(cancellationToken));
    }

    public IResource Resource(string name) => Model.Resources.Single(r => r.Name == name);

    public T Resource<T>(string name)
        where T : IResource => (T)Resource(name);

    /// <summary>What the run-mode environment callbacks put into the resource's environment, before evaluation.</summary>
    public async Task<Dictionary<string, object>> EnvironmentAsync(string name, CancellationToken cancellationToken)
    {
        var resource = Resource(name);
        var context = new EnvironmentCallbackContext(_app.Services.GetRequiredService<DistributedApplicationExecutionContext>(), resource, cancellationToken: cancellationToken);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.EnvironmentVariables;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
