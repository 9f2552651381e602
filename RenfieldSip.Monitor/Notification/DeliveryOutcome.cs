namespace RenfieldSip.Monitor.Notification;

/// <summary>What became of one announcement; the name is the <c>outcome</c> tag of the call metrics and logs.</summary>
internal enum DeliveryOutcome
{
    /// <summary>Renfield answered 200.</summary>
    Delivered,

    /// <summary>Renfield answered 429 "Duplicate notification suppressed": it already showed this one.</summary>
    DuplicateSuppressedByRenfield,

    /// <summary>Not sent: the same caller was announced within the dedup window.</summary>
    SuppressedByDedup,

    /// <summary>Not sent: the caller is on the phonebook's block list (<c>rules.blocked</c>, action silent).</summary>
    SuppressedByBlocklist,

    /// <summary>Not sent: quiet hours (<c>rules.quiet_hours</c>, action silent) and the caller is not one to speak anyway.</summary>
    SuppressedByQuietHours,

    /// <summary>401/403: the token is missing or wrong. Not retried.</summary>
    Unauthorized,

    /// <summary>503: Renfield has proactive notifications switched off. Not retried.</summary>
    Disabled,

    /// <summary>Another 4xx (422 and the like): a bug on one side. Not retried.</summary>
    Rejected,

    /// <summary>Renfield did not accept it before the announcement deadline; dropped, never sent late.</summary>
    DeadlineExceeded,

    /// <summary>The monitor is shutting down.</summary>
    Cancelled,

    /// <summary>Announcing it threw; logged with the exception.</summary>
    Failed,
}
