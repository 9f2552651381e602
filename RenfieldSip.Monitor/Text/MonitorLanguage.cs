namespace RenfieldSip.Monitor.Text;

/// <summary>
/// The monitor's language for the areas that write for people without announcing (the call list, the MCP answers),
/// so they need not know the webhook's options: the notification area registers it from <c>Webhook:Language</c>,
/// the key its own wording reads.
/// </summary>
internal sealed record MonitorLanguage(Language Language)
{
    public string Code => LanguageCode.Of(Language);
}
