namespace RenfieldSip.Monitor.History;

/// <summary>
/// One page of the history: newest first, older than <see cref="Before"/>, started within [From, To), any of
/// <see cref="Outcomes"/>, from <see cref="Caller"/>.
/// </summary>
internal sealed record CallQuery(
    int Limit,
    RecordId? Before = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    IReadOnlySet<CallOutcome>? Outcomes = null,
    CallerMatch? Caller = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static CallQuery Latest { get; } = new(DefaultLimit);

    public bool Matches(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (From is not { } from || record.StartedAt >= from)
            && (To is not { } to || record.StartedAt < to)
            && (Outcomes is null || Outcomes.Contains(record.Outcome))
            && (Caller is null || Caller.Matches(record));
    }
}
