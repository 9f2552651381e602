using System.Text;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// The events a busy Asterisk sends that are not an inbound call: every call- or dialplan-class event of the
/// read-all captures except a channel's own lifecycle (VarSet, Newexten, DeviceStateChange, DialBegin, …),
/// repeated so that any window of them is one contiguous copy.
/// </summary>
internal sealed class NoiseRing
{
    private static readonly string[] CallLifecycle = ["Newchannel", "NewCallerid", "UserEvent", "HangupRequest", "SoftHangupRequest", "Hangup"];

    private readonly byte[] _ring;
    private readonly int[] _offsets;

    private NoiseRing(byte[] ring, int[] offsets, int poolSize, IReadOnlyDictionary<string, int> mix)
    {
        _ring = ring;
        _offsets = offsets;
        PoolSize = poolSize;
        Mix = mix;
    }

    public int PoolSize { get; }

    /// <summary>How many of each event name one pass over the pool holds.</summary>
    public IReadOnlyDictionary<string, int> Mix { get; }

    public double AverageEventBytes => (double)_offsets[PoolSize] / PoolSize;

    public static NoiseRing FromReadAllCaptures(int maxWindow)
    {
        var pool = new List<byte[]>();
        var mix = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in AmiCapture.Names("*.read-all.ami"))
        {
            foreach (var block in AmiCapture.Load(file).Frames)
            {
                var frame = new AmiFrame(block);
                if (frame.Kind != AmiFrameKind.Event || !frame.TryGetValue("Privilege"u8, out var privilege))
                {
                    continue;
                }

                var name = Encoding.ASCII.GetString(frame.Name);
                var isCallOrDialplan = privilege.SequenceEqual("call,all"u8) || privilege.SequenceEqual("dialplan,all"u8);
                if (isCallOrDialplan && !CallLifecycle.Contains(name, StringComparer.Ordinal))
                {
                    pool.Add(block);
                    mix[name] = mix.GetValueOrDefault(name) + 1;
                }
            }
        }

        if (pool.Count == 0)
        {
            throw new InvalidDataException("No noise events found in the read-all captures.");
        }

        var repeats = (maxWindow / pool.Count) + 2;
        var offsets = new int[(pool.Count * repeats) + 1];
        var ring = new byte[pool.Sum(b => b.Length) * repeats];
        var position = 0;
        for (var i = 0; i < pool.Count * repeats; i++)
        {
            offsets[i] = position;
            var block = pool[i % pool.Count];
            block.CopyTo(ring, position);
            position += block.Length;
        }

        offsets[^1] = position;
        return new NoiseRing(ring, offsets, pool.Count, mix);
    }

    /// <summary>The bytes of the largest window of <paramref name="count"/> events.</summary>
    public int MaxBytes(int count)
    {
        var max = 0;
        for (var start = 0; start < PoolSize; start++)
        {
            max = Math.Max(max, _offsets[start + count] - _offsets[start]);
        }

        return max;
    }

    /// <summary>Writes <paramref name="count"/> events starting at pool position <paramref name="first"/>; returns the bytes written.</summary>
    public int Write(Span<byte> destination, long first, int count)
    {
        var start = (int)(first % PoolSize);
        var bytes = _ring.AsSpan(_offsets[start], _offsets[start + count] - _offsets[start]);
        bytes.CopyTo(destination);
        return bytes.Length;
    }
}
