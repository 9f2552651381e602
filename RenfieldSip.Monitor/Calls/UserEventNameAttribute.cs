using System.ComponentModel.DataAnnotations;

namespace RenfieldSip.Monitor.Calls;

/// <summary>A UserEvent name: not blank, and no ':' or line break (it is matched against an AMI header value).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class UserEventNameAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is string name && !string.IsNullOrWhiteSpace(name) && !name.AsSpan().ContainsAny('\r', '\n', ':');
}
