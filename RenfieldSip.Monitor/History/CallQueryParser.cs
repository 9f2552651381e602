using System.Globalization;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.History;

/// <summary>Reads <c>GET /api/calls</c>'s query string; anything it cannot use is an error that names the parameter.</summary>
internal static class CallQueryParser
{
    public const string Limit = "limit";
    public const string Before = "before";
    public const string From = "from";
    public const string To = "to";
    public const string Outcome = "outcome";

    private static readonly string[] Known = [Limit, Before, From, To, Outcome];

    /// <param name="keys">Every parameter name given (a misspelt one is an error, not silently ignored).</param>
    /// <param name="limit">The <c>limit</c> value.</param>
    /// <param name="before">The <c>before</c> value.</param>
    /// <param name="from">The <c>from</c> value.</param>
    /// <param name="to">The <c>to</c> value.</param>
    /// <param name="outcomes">Every <c>outcome</c> value, each possibly comma-separated.</param>
    /// <param name="result">The query, when valid.</param>
    /// <param name="error">The first problem found, when not.</param>
    public static bool TryParse(
        IEnumerable<string> keys, string? limit, string? before, string? from, string? to, string[]? outcomes, out CallQuery result, out CallHistoryError? error)
    {
        ArgumentNullException.ThrowIfNull(keys);
        result = CallQuery.Latest;
        error = null;
        foreach (var key in keys)
        {
            if (!Known.Contains(key, StringComparer.Ordinal))
            {
                error = Invalid(key, $"unknown parameter; use {string.Join(", ", Known)}");
                return false;
            }
        }

        var count = CallQuery.DefaultLimit;
        if (limit is not null
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > CallQuery.MaxLimit))
        {
            error = Invalid(Limit, $"must be a whole number from 1 to {CallQuery.MaxLimit}");
            return false;
        }

        RecordId? after = null;
        if (before is not null)
        {
            if (!RecordId.TryParse(before, out var id))
            {
                error = Invalid(Before, "must be a call's id (or a page's next_before), like 1795513386000-0");
                return false;
            }

            after = id;
        }

        if (!TryTime(From, from, out var start, ref error) || !TryTime(To, to, out var end, ref error))
        {
            return false;
        }

        if (start is not null && end is not null && start >= end)
        {
            error = Invalid(To, "must be later than from");
            return false;
        }

        if (!TryOutcomes(outcomes, out var wanted, ref error))
        {
            return false;
        }

        result = new CallQuery(count, after, start, end, wanted);
        return true;
    }

    private static bool TryTime(string name, string? text, out DateTimeOffset? time, ref CallHistoryError? error)
    {
        time = null;
        if (text is null)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        error = Invalid(name, "must be an ISO 8601 time like 2026-11-24T10:00:00Z or 2026-11-24T11:00:00+01:00");
        return false;
    }

    private static bool TryOutcomes(string[]? values, out HashSet<CallOutcome>? outcomes, ref CallHistoryError? error)
    {
        outcomes = null;
        if (values is null || values.Length == 0)
        {
            return true;
        }

        outcomes = [];
        foreach (var value in values)
        {
            foreach (var name in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries))
            {
                if (!SnakeCaseEnumConverter<CallOutcome>.TryParse(name, out var outcome))
                {
                    var names = string.Join(", ", Enum.GetValues<CallOutcome>().Select(SnakeCaseEnumConverter<CallOutcome>.Name));
                    error = Invalid(Outcome, "must be one or more (comma-separated) of " + names);
                    return false;
                }

                outcomes.Add(outcome);
            }
        }

        return true;
    }

    private static CallHistoryError Invalid(string parameter, string message) =>
        new("invalid_parameter", parameter, $"{parameter}: {message}");
}
