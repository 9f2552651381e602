using System.Text;
using RenfieldSip.Monitor.History;

namespace RenfieldSip.Monitor.Mcp;

/// <summary>
/// A page of calls as the few lines an assistant reads out: when, who, what the monitor did. A withheld caller is
/// „anonym“ and nothing else; the lines hold nothing the page's records do not.
/// </summary>
internal static class CallSummary
{
    public static string Of(CallPage page, McpLanguage language, string? heading = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(language);
        var words = language.Words;
        if (page.Calls.Count == 0)
        {
            return heading is null ? words.NoCalls : heading;
        }

        var text = new StringBuilder();
        text.AppendLine(heading ?? (page.Calls.Count == 1 ? words.OneCall : McpLanguage.Format(words.CallCount, page.Calls.Count)));
        foreach (var call in page.Calls)
        {
            text.Append("- ").Append(language.Time(call.StartedAt)).Append(": ").Append(Caller(call, words))
                .Append(" – ").AppendLine(language.HistoryWords.OutcomeText(call));
        }

        if (page.NextBefore is not null)
        {
            text.AppendLine(words.MoreCalls);
        }

        return text.ToString().TrimEnd();
    }

    public static string Caller(CallRecord call, McpWording words)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(words);
        if (call.TestCall)
        {
            return call.CallerName is { } testName ? $"{words.TestCall} ({testName})" : words.TestCall;
        }

        if (call.Withheld)
        {
            return words.Withheld;
        }

        return (call.CallerName, call.CallerNumber) switch
        {
            ({ } name, { } number) => $"{name} ({number})",
            ({ } name, null) => name,
            (null, { } number) => number,
            _ => words.Unknown,
        };
    }
}
