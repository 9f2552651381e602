using System.ComponentModel.DataAnnotations;

namespace RenfieldSip.Monitor.Configuration;

/// <summary>A string with at least one character that is not white space (or, with <see cref="AllowWhiteSpace"/>, at least one character).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class NotBlankAttribute : ValidationAttribute
{
    public bool AllowWhiteSpace { get; init; }

    public override bool IsValid(object? value) =>
        value is string text && (AllowWhiteSpace ? text.Length > 0 : !string.IsNullOrWhiteSpace(text));
}
