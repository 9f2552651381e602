namespace RenfieldSip.Tests.Config;

internal sealed class AsteriskConfigSection(string name)
{
    public string Name { get; } = name;

    public List<AsteriskConfigEntry> Entries { get; } = [];

    public IEnumerable<string> ValuesOf(string key) =>
        Entries.Where(entry => entry.Key == key).Select(entry => entry.Value);

    public string? SingleValueOf(string key) => ValuesOf(key).SingleOrDefault();
}
