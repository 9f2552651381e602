using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace RenfieldSip.Monitor.Configuration;

/// <summary>
/// A duration greater than zero and at most <c>maximum</c>. Its own attribute rather than [Range]: the
/// [OptionsValidator] generator replaces [Range] with a copy that drops ErrorMessage, and the message must name the key.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class PositiveTimeSpanAttribute(string maximum) : ValidationAttribute
{
    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is TimeSpan span && span > TimeSpan.Zero && span <= Maximum;
}
