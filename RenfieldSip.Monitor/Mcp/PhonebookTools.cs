using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Monitor.Mcp;

/// <summary>The merged phonebook (every configured source) as a tool, read through <see cref="PhonebookLookup"/>.</summary>
[McpServerToolType]
internal sealed class PhonebookTools
{
    [McpServerTool(Name = "lookup_phonebook", Title = "Phonebook look-up", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description(
        "Looks a person up in the household's phonebook (every address book the monitor reads): a name gives that "
        + "person's numbers ('Welche Nummer hat Oma?'), a number gives whose it is ('Wessen Nummer ist 0170 5555555?'). "
        + "Names match loosely ('Oma' finds 'Oma Helga').")]
    public static CallToolResult LookupPhonebook(
        PhonebookLookup phonebook,
        McpLanguage language,
        IOptions<HistoryOptions> history,
        [Description("A name (or part of it), or a phone number in any usual form.")] string query)
    {
        ArgumentNullException.ThrowIfNull(phonebook);
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(history);
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new McpException("query: give a name or a number");
        }

        var words = language.Words;
        var byName = query.Any(char.IsLetter);
        IReadOnlyList<PhonebookEntry> matches = byName ? phonebook.ByName(query) : phonebook.ByNumber(query) is { } entry ? [entry] : [];

        // The owner who keeps the call list's numbers short keeps them short here too.
        if (history.Value.RedactNumbers)
        {
            matches = [.. matches.Select(match => match with { Numbers = [.. match.Numbers.Select(CallerNumberRedactor.Mask)] })];
        }

        string summary;
        if (matches.Count == 0)
        {
            summary = McpLanguage.Format(byName ? words.NobodyNamed : words.NotInPhonebook, query.Trim());
        }
        else if (!byName)
        {
            summary = McpLanguage.Format(words.NumberBelongsTo, matches[0].Numbers[0], matches[0].Name, matches[0].Source);
        }
        else
        {
            var text = new StringBuilder();
            foreach (var match in matches)
            {
                text.Append("- ").Append(match.Name).Append(": ").AppendJoin(", ", match.Numbers)
                    .Append(" (").Append(words.Source).Append(": ").Append(match.Source).AppendLine(")");
            }

            summary = text.ToString().TrimEnd();
        }

        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = summary }],
            StructuredContent = JsonSerializer.SerializeToElement(new PhonebookAnswer(matches), McpJsonContext.Default.PhonebookAnswer),
        };
    }
}
