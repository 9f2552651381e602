using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Monitor.Mcp;

/// <summary>
/// The call history as tools. Each reads through <see cref="CallHistoryStore.ReadAsync"/> with a
/// <see cref="CallQuery"/> built by <see cref="CallQueryParser"/>, exactly as <c>GET /api/calls</c> does; the
/// structured answer is that endpoint's JSON, the text a summary of it.
/// </summary>
[McpServerToolType]
internal sealed class CallTools
{
    public const int MaxLimit = 100;

    [McpServerTool(Name = "list_calls", Title = "Calls in a time span", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description(
        "Lists the phone calls the household received, newest first: when, who (phonebook name, number, or 'anonym' "
        + "for a withheld number) and whether Renfield announced it. Use for 'Wer hat heute angerufen?', 'Who called "
        + "this morning?', 'Any missed calls?'. Turn relative times (today, yesterday, since 8) into ISO 8601 times.")]
    public static async Task<CallToolResult> ListCalls(
        CallHistoryStore store,
        McpLanguage language,
        [Description("Start of the span, ISO 8601 with offset, e.g. 2026-12-06T00:00:00+01:00. Omit for no lower bound.")] string from = "",
        [Description("End of the span (exclusive), ISO 8601 with offset. Omit for up to now.")] string to = "",
        [Description("Only calls from this person or number: a name as in the phonebook (a part is enough: 'Oma' finds 'Oma Helga') or the digits of a number. Omit for every caller.")] string caller = "",
        [Description("Only calls that were not announced (blocked, quiet hours, duplicates, failures): the ones the household may have missed.")] bool onlyUnannounced = false,
        [Description("At most this many calls, 1-100 (default 20).")] int limit = 20,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var query = Parse(Given(from), Given(to), limit);
        if (Given(caller) is not null)
        {
            query = query with { Caller = CallerMatch.Parse(caller) ?? throw new McpException("caller: give a name or at least three digits of a number") };
        }

        if (onlyUnannounced)
        {
            query = query with { Outcomes = Enum.GetValues<CallOutcome>().Where(outcome => outcome != CallOutcome.Announced).ToHashSet() };
        }

        var page = await store.ReadAsync(query, cancellationToken);
        return Answer(page, CallSummary.Of(page, language));
    }

    [McpServerTool(Name = "last_call_from", Title = "Last call from a person", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description(
        "When a given person last called and whether it was announced. Use for 'Hat Oma angerufen?', 'Wann hat Max "
        + "zuletzt angerufen?', 'Did Max call?'. Names match loosely ('Oma' finds 'Oma Helga'), and calls from any of "
        + "that person's phonebook numbers count too; a number works as well.")]
    public static async Task<CallToolResult> LastCallFrom(
        CallHistoryStore store,
        PhonebookLookup phonebook,
        McpLanguage language,
        [Description("The person's name as said (or part of it), or a number.")] string person,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(phonebook);
        ArgumentNullException.ThrowIfNull(language);
        var match = CallerMatch.Parse(person) ?? throw new McpException("person: give a name or at least three digits of a number");
        match = match.OrFrom(phonebook.ByName(person).SelectMany(entry => entry.Numbers));
        var page = await store.ReadAsync(new CallQuery(1, Caller: match), cancellationToken);
        page = page with { NextBefore = null };
        var words = language.Words;
        var heading = page.Calls.Count == 0 ? McpLanguage.Format(words.NoCallFrom, person) : McpLanguage.Format(words.LastCallFrom, person);
        return Answer(page, CallSummary.Of(page, language, heading));
    }

    /// <summary>
    /// Optional text parameters are plain strings, empty when omitted: Renfield's client reads a parameter's JSON
    /// schema <c>type</c> as one name and fails on the <c>["string","null"]</c> a nullable one would get.
    /// </summary>
    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static CallQuery Parse(string? from, string? to, int limit)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new McpException($"limit: must be a whole number from 1 to {MaxLimit}");
        }

        string[] keys = [.. new[] { (CallQueryParser.From, from), (CallQueryParser.To, to) }.Where(p => p.Item2 is not null).Select(p => p.Item1)];
        if (!CallQueryParser.TryParse(keys, null, null, from, to, null, out var query, out var error))
        {
            throw new McpException(error!.Message);
        }

        return query with { Limit = limit };
    }

    private static CallToolResult Answer(CallPage page, string summary) => new()
    {
        Content = [new TextContentBlock { Text = summary }],
        StructuredContent = JsonSerializer.SerializeToElement(page, CallHistoryJsonContext.Default.CallPage),
    };
}
