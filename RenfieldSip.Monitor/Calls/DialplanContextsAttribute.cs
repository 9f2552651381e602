using System.ComponentModel.DataAnnotations;

namespace RenfieldSip.Monitor.Calls;

/// <summary>At least one dialplan context, none blank and none holding a comma or a space (no context could match it).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class DialplanContextsAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is string[] { Length: > 0 } contexts
        && Array.TrueForAll(contexts, context => !string.IsNullOrEmpty(context) && !context.Any(c => c == ',' || char.IsWhiteSpace(c)));
}
