using System.Text;

namespace RenfieldSip.Monitor.Ami;

/// <summary>
/// A materialised AMI block. Built only where strings are worth their cost (action responses, tests); events stay
/// <see cref="AmiFrame"/> views.
/// </summary>
internal sealed class AmiMessage
{
    public AmiMessage(AmiFrameKind kind, string name, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        Kind = kind;
        Name = name;
        Fields = fields;
    }

    public AmiFrameKind Kind { get; }

    /// <summary>The value of the first line: the event name or the response status (<c>Success</c>, <c>Error</c>, …).</summary>
    public string Name { get; }

    /// <summary>Every field in wire order, repeats included (a UserEvent carries <c>Uniqueid</c> twice).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    /// <summary>The first value of <paramref name="key"/> (case-insensitive), or null.</summary>
    public string? this[string key]
    {
        get
        {
            foreach (var field in Fields)
            {
                if (string.Equals(field.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    return field.Value;
                }
            }

            return null;
        }
    }

    public string? ActionId => this["ActionID"];

    public static AmiMessage FromFrame(AmiFrame frame)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var field in frame.EnumerateFields())
        {
            fields.Add(new(Encoding.UTF8.GetString(field.Key), Encoding.UTF8.GetString(field.Value)));
        }

        return new AmiMessage(frame.Kind, Encoding.UTF8.GetString(frame.Name), fields);
    }

    // Field values may hold caller data or a secret echoed back; a log line that prints a message shows its shape only.
    public override string ToString() => $"{Kind}: {Name} ({Fields.Count} fields)";
}
