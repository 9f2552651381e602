namespace RenfieldSip.Tests.Support;

/// <summary>When a request reached the <see cref="WebhookListener"/>, on its TimeProvider.</summary>
/// <param name="At">Wall-clock arrival.</param>
/// <param name="Timestamp">Arrival as a <see cref="TimeProvider.GetTimestamp"/> value, for latencies.</param>
internal readonly record struct WebhookArrival(DateTimeOffset At, long Timestamp);
