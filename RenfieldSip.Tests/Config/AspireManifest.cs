using System.Text.Json;

namespace RenfieldSip.Tests.Config;

/// <summary>The checked-in aspire-manifest.json, read as plain JSON.</summary>
internal sealed class AspireManifest
{
    private AspireManifest(JsonElement resources) => Resources = resources;

    public JsonElement Resources { get; }

    public static AspireManifest Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryLayout.PathOf("aspire-manifest.json")));
        return new AspireManifest(document.RootElement.GetProperty("resources").Clone());
    }

    public JsonElement Resource(string name) => Resources.GetProperty(name);

    public Dictionary<string, string> Environment(string resource) =>
        Resource(resource).TryGetProperty("env", out var env)
            ? env.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
            : [];

    public IEnumerable<(string Name, JsonElement Binding)> Bindings(string resource) =>
        Resource(resource).TryGetProperty("bindings", out var bindings)
            ? bindings.EnumerateObject().Select(p => (p.Name, p.Value))
            : [];
}
