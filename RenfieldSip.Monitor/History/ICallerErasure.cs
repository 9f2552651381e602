namespace RenfieldSip.Monitor.History;

/// <summary>Another area that keeps a caller's data (the answering machine's messages) and forgets it with the caller.</summary>
internal interface ICallerErasure
{
    /// <summary>
    /// Forgets what belongs to the erased <paramref name="callIds"/> or to a caller number <paramref name="sameCaller"/>
    /// accepts (its call may have left the history already); returns how many items went.
    /// </summary>
    int Erase(IReadOnlyCollection<string> callIds, Func<string, bool> sameCaller);
}
