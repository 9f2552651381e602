using System.ComponentModel.DataAnnotations;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>Empty (the feature is off) or a fully qualified path.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class AbsoluteDirectoryAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is null || (value is string path && (path.Length == 0 || Path.IsPathFullyQualified(path)));
}
