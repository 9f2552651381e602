namespace RenfieldSip.Monitor.Calls;

/// <summary>
/// Reads <c>Calls:InboundContexts</c> in both forms an owner writes: one comma-separated value (an environment
/// variable) or a list (appsettings.json). Read here rather than by the binder, which ignores the first form and
/// appends the second to the default instead of replacing it.
/// </summary>
internal static class DialplanContextList
{
    public const string Key = CallOptions.SectionName + ":InboundContexts";

    /// <summary>The configured contexts, trimmed, blanks dropped; null when the key is not set.</summary>
    public static string[]? Read(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (section.Value is { } text)
        {
            return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var items = section.GetChildren().Select(child => child.Value?.Trim()).OfType<string>().Where(item => item.Length > 0).ToArray();
        return section.GetChildren().Any() ? items : null;
    }
}
