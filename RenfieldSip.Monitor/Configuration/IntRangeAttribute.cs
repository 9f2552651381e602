using System.ComponentModel.DataAnnotations;

namespace RenfieldSip.Monitor.Configuration;

/// <summary>A whole number within [minimum, maximum]; its own attribute for the reason given on <see cref="PositiveTimeSpanAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class IntRangeAttribute(int minimum, int maximum) : ValidationAttribute
{
    public int Minimum { get; } = minimum;

    public int Maximum { get; } = maximum;

    public override bool IsValid(object? value) => value is int number && number >= Minimum && number <= Maximum;
}
