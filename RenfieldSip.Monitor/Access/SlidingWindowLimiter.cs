using System.Threading.RateLimiting;

namespace RenfieldSip.Monitor.Access;

/// <summary>
/// At most <c>permits</c> acquisitions in any <c>window</c>, on the app's <see cref="TimeProvider"/> (the framework's
/// limiters keep their own clock). Nothing queues: over the limit is an immediate refusal with the wait in
/// <see cref="MetadataName.RetryAfter"/>.
/// </summary>
internal sealed class SlidingWindowLimiter(int permits, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Queue<DateTimeOffset> _granted = new();
    private readonly Lock _lock = new();

    // Never idle: the partitioned limiter would otherwise dispose this shared instance and keep using it.
    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            while (_granted.Count > 0 && now - _granted.Peek() >= window)
            {
                _granted.Dequeue();
            }

            if (_granted.Count + permitCount > permits)
            {
                return new Refused(_granted.Peek() + window - now);
            }

            for (var i = 0; i < permitCount; i++)
            {
                _granted.Enqueue(now);
            }

            return Granted.Instance;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Granted : RateLimitLease
    {
        public static readonly Granted Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    private sealed class Refused(TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
