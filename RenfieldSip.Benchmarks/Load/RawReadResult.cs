namespace RenfieldSip.Benchmarks.Load;

internal sealed record RawReadResult(long Events, long Bytes, long LastByteTimestamp);
