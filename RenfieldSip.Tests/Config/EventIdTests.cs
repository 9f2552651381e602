using System.Text.RegularExpressions;

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
    public void Every_EventId_the_docs_cite_is_logged_by_the_monitor()
    {
        var known = MonitorEventIds.All.Select(entry => entry.Id).ToHashSet();
        var cited = DocumentedEventIds().ToList();
        Assert.NotEmpty(cited);

        var unknown = cited.Where(citation => !known.Contains(citation.Id)).Select(citation => $"{citation.Id} ({citation.Where})").ToList();

        Assert.True(unknown.Count == 0, "Cited in the docs but logged nowhere: " + string.Join(", ", unknown));
    }

    /// <summary>
    /// The ways the docs cite a log line: <c>EventId 1104</c>, <c>EventIds 1600-1607</c>, <c>log 1408</c>,
    /// <c>warning 1302</c>, <c>error 1002</c>, <c>log 1402 / 1403</c>, German <c>Log **1203**/**1204**</c> or
    /// any bold id (<c>(**1215**)</c>), and a table cell <c>| 1601 Warning</c>.
    /// </summary>
    internal static IEnumerable<(int Id, string Where)> DocumentedEventIds()
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
                foreach (Capture id in match.Groups["id"].Captures)
                {
                    yield return (int.Parse(id.Value, System.Globalization.CultureInfo.InvariantCulture), where);
                }

                if (match.Groups["to"].Success)
                {
                    var from = int.Parse(match.Groups["id"].Captures[0].Value, System.Globalization.CultureInfo.InvariantCulture);
                    var to = int.Parse(match.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    for (var id = from + 1; id <= to; id++)
                    {
                        yield return (id, where);
                    }
                }
            }

            foreach (Match match in TableCell().Matches(text).Concat(Bold().Matches(text)))
            {
                yield return (int.Parse(match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), where);
            }
        }
    }

    [GeneratedRegex(@"\b(?:EventIds?|[Ll]og|[Ww]arning|[Ee]rror|Log-Warnung)\s+\**(?<id>1\d{3})\b\**(?:-(?<to>1\d{3})\b)?(?:\s*/\s*\**(?<id>1\d{3})\b\**)*")]
    private static partial Regex Citation();

    [GeneratedRegex(@"(?<!\w)\*\*(?<id>1\d{3})\*\*(?!\w)")]
    private static partial Regex Bold();

    [GeneratedRegex(@"\|\s*(?<id>1\d{3}) (?:Debug|Information|Warning|Error|Critical)\b")]
    private static partial Regex TableCell();
}
