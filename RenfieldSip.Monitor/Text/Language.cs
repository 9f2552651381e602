namespace RenfieldSip.Monitor.Text;

/// <summary>
/// The one language the monitor writes and speaks in: the announcements, a voice message's announcement, the call
/// list and its login, the MCP answers. <c>Webhook:Language</c> picks it (<see cref="LanguageCode"/>).
/// </summary>
internal enum Language
{
    German,
    English,
}
