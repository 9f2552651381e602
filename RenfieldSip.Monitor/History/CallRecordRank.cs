namespace RenfieldSip.Monitor.History;

/// <summary>
/// Two monitors on one Asterisk both record each call, and the one that lost the dedup claim sees "suppressed" where
/// the other announced. The store keeps one record per call: the one that got further, and among equals one whose
/// end was seen over one that lost sight of the call.
/// </summary>
internal static class CallRecordRank
{
    public static int Of(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var progress = record.Outcome switch
        {
            CallOutcome.Announced => 4,
            CallOutcome.RefusedByRenfield or CallOutcome.DeadlineExceeded or CallOutcome.BlockedByRule or CallOutcome.Failed => 3,
            CallOutcome.SuppressedByDedup => 2,
            CallOutcome.EndedBeforeIdentity => 1,
            _ => 0,
        };
        return (progress * 2) + (record.Ended == CallEnding.Lost ? 0 : 1);
    }
}
