using System.Text.RegularExpressions;

namespace RenfieldSip.Tests.Config;

/// <summary>
/// The reverse of <see cref="EnvironmentVariablesDocTests"/>: a name the docs tell an owner to set must be one something
/// reads, or the owner sets it and nothing happens.
/// </summary>
public sealed partial class DocumentedVariablesTests
{
    /// <summary>Read by Renfield, not by us: its own switches and the variables of the mcp_servers.yaml entry the docs give.</summary>
    private static readonly HashSet<string> ReadByRenfield = ["PROACTIVE_ENABLED", "MCP_ENABLED", "SIP_MCP_ENABLED", "SIP_MCP_URL"];

    [Fact]
    public void Every_configuration_key_the_docs_name_is_bound_by_the_monitor()
    {
        var named = DocumentedSpans(ConfigurationKey()).ToList();
        Assert.NotEmpty(named);

        var unknown = named
            .SelectMany(found => Expand(found.Name).Select(key => (Key: key, found.Where)))
            .Where(found => !MonitorConfigurationKeys.IsReadByMonitor(found.Key.Replace(":", "__", StringComparison.Ordinal)))
            .Select(found => $"{found.Key} ({found.Where})")
            .Distinct()
            .ToList();

        Assert.True(unknown.Count == 0, "Named in the docs but bound by nothing: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_environment_variable_the_docs_name_is_read_by_the_monitor_asterisk_or_compose()
    {
        var readers = ReaderFiles().Select(File.ReadAllText).ToList();
        var named = DocumentedSpans(EnvironmentVariable()).ToList();
        Assert.NotEmpty(named);

        var unknown = named
            .Where(found => !MonitorConfigurationKeys.IsPlatformVariable(found.Name) && !ReadByRenfield.Contains(found.Name))
            .Where(found => !readers.Any(text => Regex.IsMatch(text, @"(?<![A-Za-z0-9_])" + found.Name + @"(?![A-Za-z0-9_])")))
            .Select(found => $"{found.Name} ({found.Where})")
            .Distinct()
            .ToList();

        Assert.True(unknown.Count == 0, "Named in the docs but read by nothing: " + string.Join(", ", unknown));
    }

    /// <summary>The code and files that read environment variables: the monitor, the AppHost, Asterisk's entrypoint, compose and CI.</summary>
    private static IEnumerable<string> ReaderFiles() =>
        new[] { "RenfieldSip.Monitor", "RenfieldSip.ServiceDefaults", "RenfieldSip.AppHost" }
            .SelectMany(project => Directory.GetFiles(RepositoryLayout.PathOf(project), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(Directory.GetFiles(RepositoryLayout.PathOf("config", "asterisk")))
            .Append(RepositoryLayout.PathOf("docker-compose.yml"))
            .Append(RepositoryLayout.PathOf(".env.example"))
            .Append(RepositoryLayout.PathOf(".ci", "run"));

    private static IEnumerable<(string Name, string Where)> DocumentedSpans(Regex pattern)
    {
        foreach (var file in Directory.GetFiles(RepositoryLayout.PathOf("docs"), "*.md").Append(RepositoryLayout.PathOf("README.md")))
        {
            var where = Path.GetFileName(file);
            foreach (Match match in pattern.Matches(File.ReadAllText(file)))
            {
                yield return (match.Groups["name"].Value, where);
            }
        }
    }

    /// <summary><c>Webhook:MaxConcurrency|QueueCapacity</c> is two keys of one section.</summary>
    private static IEnumerable<string> Expand(string name)
    {
        var parts = name.Split('|');
        var section = parts[0][..(parts[0].IndexOfAny([':', '_']) + 1)];
        return [parts[0], .. parts.Skip(1).Select(rest => section + (section.EndsWith('_') ? "_" : string.Empty) + rest)];
    }

    /// <summary>A code span opening with one of the monitor's sections, up to a value (<c>=</c>) or its end; an elided <c>…</c> key is skipped.</summary>
    [GeneratedRegex(@"`(?<name>(?:Ami|Webhook|Phonebook|Dedup|Calls|Telemetry|History|ConnectionStrings)(?::|__)[A-Za-z0-9_:<>|]+)(?==|`)")]
    private static partial Regex ConfigurationKey();

    /// <summary>A code span opening with an upper-case name with an underscore (<c>AMI_SECRET</c>, <c>PROACTIVE_ENABLED=true</c>); a <c>*</c> pattern is skipped.</summary>
    [GeneratedRegex(@"`(?<name>[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?==|`| )")]
    private static partial Regex EnvironmentVariable();
}
