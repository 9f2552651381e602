namespace RenfieldSip.Monitor.Calls;

internal enum AnnouncementOutcome
{
    Delivered,
    DuplicateSuppressedByRenfield,
    SuppressedByDedup,
    Unauthorized,
    Disabled,
    Rejected,
    DeadlineExceeded,
    Cancelled,
    Failed,
}
