using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace RenfieldSip.Tests.Config;

/// <summary>An EventId is how an owner finds a log line in the docs and filters it in a log store: one id, one meaning.</summary>
public sealed partial class EventIdTests
{
    [Fact]
    public void Every_LoggerMessage_in_the_monitor_has_its_own_EventId()
    {
        Assert.True(MonitorEventIds.All.Count > 50, $"only {MonitorEventIds.All.Count} [LoggerMessage] methods found: the scan no longer sees the Log classes");

        var duplicates = MonitorEventIds.All
            .GroupBy(entry => entry.Id)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key + ": " + string.Join(", ", group.Select(entry => entry.Method)))
            .ToList();

        Assert.True(duplicates.Count == 0, "EventIds used more than once: " + string.Join("; ", duplicates));
    }

    [Fact]
    public void Every_EventId_the_docs_cite_is_logged_by_the_monitor_at_the_level_they_name()
    {
        var levels = MonitorEventIds.All.ToDictionary(entry => entry.Id, entry => entry.Level);
        var cited = DocumentedEventIds().ToList();
        Assert.NotEmpty(cited);

        var wrong = cited
            .Where(citation => !levels.TryGetValue(citation.Id, out var level) || (citation.Level is { } named && named != level))
            .Select(citation => levels.TryGetValue(citation.Id, out var level)
                ? $"{citation.Id} cited as {citation.Level} but logged at {level} ({citation.Where})"
                : $"{citation.Id} logged nowhere ({citation.Where})")
            .Distinct()
            .ToList();

        Assert.True(wrong.Count == 0, "The docs cite log lines the monitor does not write: " + string.Join("; ", wrong));
    }

    /// <summary>
    /// The ways the docs cite a log line: <c>EventId 1104</c>, <c>EventIds 1600-1607</c>, <c>log 1408</c>,
    /// <c>warning 1302</c> (a level named is checked too), <c>error 1002</c>, <c>log 1402 / 1403</c>, German
    /// <c>Log **1203**/**1204**</c>, <c>Log-Warnung **1104**</c> or any bold id (<c>(**1215**)</c>), and a table cell
    /// <c>| 1601 Warning</c>.
    /// </summary>
    internal static IEnumerable<(int Id, LogLevel? Level, string Where)> DocumentedEventIds()
    {
        var files = Directory.GetFiles(RepositoryLayout.PathOf("docs"), "*.md")
            .Append(RepositoryLayout.PathOf("README.md"))
            .Concat(Directory.GetFiles(RepositoryLayout.PathOf("RenfieldSip.Monitor"), "*.md", SearchOption.AllDirectories));
        foreach (var file in files)
        {
            var where = Path.GetRelativePath(RepositoryLayout.Root, file);
            var text = File.ReadAllText(file);
            foreach (Match match in Citation().Matches(text))
            {
                var level = LevelNamed(match.Groups["kind"].Value);
                foreach (Capture id in match.Groups["id"].Captures)
                {
                    yield return (Number(id.Value), level, where);
                }

                if (match.Groups["to"].Success)
                {
                    for (var id = Number(match.Groups["id"].Captures[0].Value) + 1; id <= Number(match.Groups["to"].Value); id++)
                    {
                        yield return (id, level, where);
                    }
                }
            }

            foreach (Match match in TableCell().Matches(text))
            {
                yield return (Number(match.Groups["id"].Value), Enum.Parse<LogLevel>(match.Groups["level"].Value), where);
            }

            foreach (Match match in Bold().Matches(text))
            {
                yield return (Number(match.Groups["id"].Value), null, where);
            }
        }
    }

    private static int Number(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    private static LogLevel? LevelNamed(string kind) => kind.ToUpperInvariant() switch
    {
        "WARNING" or "LOG-WARNUNG" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        _ => null,
    };

    [GeneratedRegex(@"\b(?<kind>EventIds?|Log-Warnung|[Ll]og|[Ww]arning|[Ee]rror)\s+\**(?<id>1\d{3})\b\**(?:-(?<to>1\d{3})\b)?(?:\s*/\s*\**(?<id>1\d{3})\b\**)*")]
    private static partial Regex Citation();

    [GeneratedRegex(@"(?<!\w)\*\*(?<id>1\d{3})\*\*(?!\w)")]
    private static partial Regex Bold();

    [GeneratedRegex(@"\|\s*(?<id>1\d{3}) (?<level>Debug|Information|Warning|Error|Critical)\b")]
    private static partial Regex TableCell();
}
