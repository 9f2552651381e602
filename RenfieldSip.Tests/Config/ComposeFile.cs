using YamlDotNet.RepresentationModel;

namespace RenfieldSip.Tests.Config;

/// <summary>The checked-in docker-compose.yml as written (before any interpolation).</summary>
internal sealed class ComposeFile
{
    private readonly YamlMappingNode _root;

    private ComposeFile(YamlMappingNode root) => _root = root;

    public static ComposeFile Load()
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(RepositoryLayout.PathOf("docker-compose.yml")));
        stream.Load(reader);
        return new ComposeFile((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public IEnumerable<string> ServiceNames => Services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    /// <summary>The named volumes the file declares at its top level.</summary>
    public IEnumerable<string> Volumes => ((YamlMappingNode)_root["volumes"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    private YamlMappingNode Services => (YamlMappingNode)_root["services"];

    public YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    public Dictionary<string, string> Environment(string service) =>
        Service(service).Children.TryGetValue("environment", out var env)
            ? ((YamlMappingNode)env).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? string.Empty, StringComparer.Ordinal)
            : [];

    public List<string> Sequence(string service, string key) =>
        Service(service).Children.TryGetValue(key, out var node)
            ? ((YamlSequenceNode)node).Children.Select(n => ((YamlScalarNode)n).Value!).ToList()
            : [];

    public string? Scalar(string service, string key) =>
        Service(service).Children.TryGetValue(key, out var node) ? ((YamlScalarNode)node).Value : null;

    /// <summary>"${NAME:-default}" yields default; anything else is returned unchanged.</summary>
    public static string DefaultOf(string value)
    {
        if (value.StartsWith("${", StringComparison.Ordinal) && value.EndsWith('}'))
        {
            var separator = value.IndexOf(":-", StringComparison.Ordinal);
            if (separator > 0)
            {
                return value[(separator + 2)..^1];
            }
        }

        return value;
    }
}
