using System.ComponentModel.DataAnnotations;

namespace RenfieldSip.Monitor.Calls;

/// <summary>A comma-separated list naming at least one dialplan context.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class DialplanContextsAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is string contexts && contexts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length > 0;
}
