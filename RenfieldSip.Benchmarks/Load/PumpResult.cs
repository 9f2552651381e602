namespace RenfieldSip.Benchmarks.Load;

/// <param name="FirstByteTimestamp">Just before the first stream byte was written.</param>
/// <param name="LastByteTimestamp">When the socket had taken the last byte: the reader holds all but its buffers.</param>
internal sealed record PumpResult(long FirstByteTimestamp, long LastByteTimestamp, long Bytes, long Events);
