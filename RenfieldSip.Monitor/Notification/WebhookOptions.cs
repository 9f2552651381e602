using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Notification;

/// <summary>
/// Section <c>Webhook</c>: where and how incoming calls are announced through Renfield, and how many announcements run,
/// wait and may still be late. Each announcement is one webhook request, so the pipeline's keys live in this section too.
/// </summary>
internal sealed class WebhookOptions
{
    public const string SectionName = "Webhook";

    /// <summary>Renfield's <c>/api/notifications/webhook</c> (env RENFIELD_WEBHOOK_URL).</summary>
    public string? Url { get; set; }

    /// <summary>Bearer token from Renfield's <c>POST /api/notifications/token</c> (env RENFIELD_WEBHOOK_TOKEN). A secret.</summary>
    public string? Token { get; set; }

    /// <summary><c>de</c> or <c>en</c>: the language of title and message, and of everything else the monitor writes (<see cref="Wording"/>).</summary>
    public string Language { get; set; } = "de";

    /// <summary>One of Renfield's urgencies: critical, info, low, auto.</summary>
    public string Urgency { get; set; } = "info";

    /// <summary>Renfield room name; null or empty announces in every room.</summary>
    public string? Room { get; set; }

    public bool Tts { get; set; } = true;

    /// <summary>Upper bound for one HTTP attempt. Renfield speaks (TTS) inside the request, so seconds are normal.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>After detection, an announcement not yet accepted is dropped: a late "incoming call" is worse than none.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Announcement workers, i.e. webhook requests in flight at once.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Calls waiting for a worker; when full, the oldest is dropped and counted.</summary>
    public int QueueCapacity { get; set; } = 1024;

    internal bool HasToken => !string.IsNullOrWhiteSpace(Token);

    /// <summary>The monitor's one language, from <see cref="Language"/> (German unless it says <c>en</c>; the validator refuses anything else).</summary>
    internal Text.Language Wording => LanguageCode.TryParse(Language, out var language) ? language : Text.Language.German;

    // Options end up in logs and debugger views; the token must never be part of that.
    public override string ToString() =>
        $"Url={RedactedUrl()}, Token={(HasToken ? "(set)" : "(none)")}, Language={Language}, Urgency={Urgency}, Room={Room ?? "(all)"}, Tts={Tts}, " +
        $"RequestTimeout={RequestTimeout}, Deadline={Deadline}, MaxConcurrency={MaxConcurrency}, QueueCapacity={QueueCapacity}";

    private string RedactedUrl() =>
        Uri.TryCreate(Url, UriKind.Absolute, out var uri)
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : "(invalid)";
}
