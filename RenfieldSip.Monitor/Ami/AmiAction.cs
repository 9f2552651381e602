using System.Text;

namespace RenfieldSip.Monitor.Ami;

/// <summary>
/// An action to send. Keys and values are checked for CR and LF: a value carrying <c>\r\n</c> would end the line
/// early and let data smuggle extra fields or whole actions onto the wire.
/// </summary>
internal sealed class AmiAction
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public AmiAction(string name, string actionId)
    {
        ValidateValue(name, nameof(name));
        ValidateValue(actionId, nameof(actionId));
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(actionId);
        Name = name;
        ActionId = actionId;
    }

    public string Name { get; }

    public string ActionId { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public AmiAction Add(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        if (key.AsSpan().IndexOfAny(":\r\n") >= 0 || key.Trim().Length != key.Length)
        {
            throw new ArgumentException("An AMI action key must not contain ':', CR, LF or surrounding spaces.", nameof(key));
        }

        ValidateValue(value, nameof(value));
        _fields.Add(new(key, value));
        return this;
    }

    /// <summary>The wire form: <c>Action</c>, <c>ActionID</c>, the fields in order, then an empty line.</summary>
    public byte[] ToBytes()
    {
        var builder = new StringBuilder(64 + (_fields.Count * 32));
        builder.Append("Action: ").Append(Name).Append("\r\n");
        builder.Append("ActionID: ").Append(ActionId).Append("\r\n");
        foreach (var field in _fields)
        {
            builder.Append(field.Key).Append(": ").Append(field.Value).Append("\r\n");
        }

        builder.Append("\r\n");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    // Never the field values: Login carries the secret.
    public override string ToString() => $"Action: {Name}, ActionID: {ActionId}";

    private static void ValidateValue(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            // The message names the parameter only; the value may be the secret.
            throw new ArgumentException("An AMI action value must not contain CR or LF.", parameterName);
        }
    }
}
