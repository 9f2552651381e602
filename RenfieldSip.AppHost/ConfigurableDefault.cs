using Aspire.Hosting.Publishing;

namespace RenfieldSip.AppHost;

/// <summary>
/// A parameter default that configuration (<c>Parameters:&lt;name&gt;</c>) overrides in run mode and that the
/// manifest publishes as the default. Aspire's own <c>AddParameter(name, value, publishValueAsDefault)</c> makes
/// the value a constant that no configuration can change.
/// </summary>
internal sealed class ConfigurableDefault(string value) : ParameterDefault
{
    public override string GetDefaultValue() => value;

    public override void WriteToManifest(ManifestPublishingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Writer.WriteString("value", value);
    }
}
