namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// The whole AMI stream of a run, as segments: segment i carries call i's Newchannel + identity event, half of its
/// noise, the hangup of call i - overlap (so <c>overlap</c> calls are in progress at any time, as on a real trunk),
/// then the other half of the noise. A final tail segment ends the calls still open. The layout is
/// deterministic, so the ordinal of every identity event is known before a byte is sent.
/// </summary>
internal sealed class CallStream
{
    private readonly CallTemplate _template;
    private readonly NoiseRing _noise;
    private readonly int _firstNoiseHalf;

    /// <param name="firstCall">Caller-number index of call 0: a warm-up stream must not share numbers (dedup) with the measured one.</param>
    public CallStream(CallTemplate template, NoiseRing noise, int calls, int noisePerCall, int overlap, int firstCall = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(calls);
        ArgumentOutOfRangeException.ThrowIfNegative(firstCall);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)firstCall + calls, CallerNumbers.MaxCalls);
        FirstCall = firstCall;
        ArgumentOutOfRangeException.ThrowIfNegative(noisePerCall);
        ArgumentOutOfRangeException.ThrowIfNegative(overlap);
        _template = template;
        _noise = noise;
        Calls = calls;
        NoisePerCall = noisePerCall;
        Overlap = Math.Min(overlap, calls);
        _firstNoiseHalf = noisePerCall / 2;

        var identityOrdinals = new long[calls];
        long before = 0;
        for (var call = 0; call < calls; call++)
        {
            // The identity event is the second event of the segment (after Newchannel).
            identityOrdinals[call] = before + _template.Start.Events;
            before += SegmentEvents(call);
        }

        IdentityOrdinals = identityOrdinals;

        TotalEvents = before + SegmentEvents(calls);
        MaxSegmentBytes = Math.Max(
            _template.Start.Length + _noise.MaxBytes(noisePerCall) + _template.End.Length,
            _template.End.Length * Overlap);
    }

    public int Calls { get; }

    public int FirstCall { get; }

    public int NoisePerCall { get; }

    public int Overlap { get; }

    /// <summary>Segments 0 … Calls - 1 start one call each; segment <see cref="Calls"/> is the tail.</summary>
    public int Segments => Calls + 1;

    public long TotalEvents { get; }

    public int EventsPerCall => _template.EventsPerCall + NoisePerCall;

    public int MaxSegmentBytes { get; }

    /// <summary>1-based position of call i's identity event among all events of the stream.</summary>
    public IReadOnlyList<long> IdentityOrdinals { get; }

    public int WriteSegment(int segment, Span<byte> destination)
    {
        if (segment == Calls)
        {
            var tail = 0;
            for (var call = Calls - Overlap; call < Calls; call++)
            {
                _template.End.Write(destination[tail..], FirstCall + call);
                tail += _template.End.Length;
            }

            return tail;
        }

        var written = 0;
        _template.Start.Write(destination, FirstCall + segment);
        written += _template.Start.Length;
        var firstNoise = (long)segment * NoisePerCall;
        written += _noise.Write(destination[written..], firstNoise, _firstNoiseHalf);
        if (segment >= Overlap)
        {
            _template.End.Write(destination[written..], FirstCall + segment - Overlap);
            written += _template.End.Length;
        }

        written += _noise.Write(destination[written..], firstNoise + _firstNoiseHalf, NoisePerCall - _firstNoiseHalf);
        return written;
    }

    private long SegmentEvents(int segment) => segment == Calls
        ? (long)_template.End.Events * Overlap
        : _template.Start.Events + NoisePerCall + (segment >= Overlap ? _template.End.Events : 0);
}
