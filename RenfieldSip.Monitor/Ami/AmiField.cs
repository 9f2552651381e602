namespace RenfieldSip.Monitor.Ami;

internal readonly ref struct AmiField
{
    public AmiField(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        Key = key;
        Value = value;
    }

    public ReadOnlySpan<byte> Key { get; }

    public ReadOnlySpan<byte> Value { get; }
}
