using Microsoft.Extensions.Logging.Testing;

namespace RenfieldSip.Tests.Support;

/// <summary>Log assertions go by EventId (stable per area), never by message text.</summary>
internal static class FakeLogCollectorExtensions
{
    /// <summary>The records collected so far with this EventId, in order.</summary>
    public static IReadOnlyList<FakeLogRecord> WithId(this FakeLogCollector logs, int eventId) =>
        [.. logs.GetSnapshot().Where(record => record.Id.Id == eventId)];
}
