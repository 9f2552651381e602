using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace RenfieldSip.Monitor.Mcp;

/// <summary>The answering machine as tools; offered only when an <see cref="IAnsweringMachine"/> is registered.</summary>
[McpServerToolType]
internal sealed class AnsweringMachineTools
{
    public const string ListMessagesName = "list_messages";
    public const string MarkMessageHeardName = "mark_message_heard";

    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal) { ListMessagesName, MarkMessageHeardName };

    [McpServerTool(Name = ListMessagesName, Title = "Answering machine messages", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description(
        "Messages on the answering machine, new ones first, with caller, length and transcript. Use for 'Gibt es neue "
        + "Nachrichten auf dem Anrufbeantworter?', 'Any voicemail?'.")]
    public static async Task<CallToolResult> ListMessages(
        IAnsweringMachine machine,
        McpLanguage language,
        [Description("Only messages not yet heard (default true).")] bool onlyNew = true,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(language);
        var messages = await machine.ListAsync(onlyNew, cancellationToken);
        var words = language.Words;
        var text = new StringBuilder(messages.Count == 0 ? words.NoMessages : McpLanguage.Format(words.MessageCount, messages.Count));
        foreach (var message in messages)
        {
            var caller = message.Withheld ? words.Withheld : message.CallerName ?? message.CallerNumber ?? words.Unknown;
            text.AppendLine().Append("- ").Append(message.Id).Append(", ").Append(language.Time(message.ReceivedAt)).Append(": ")
                .Append(caller).Append(", ").Append(Math.Round(message.Seconds).ToString(CultureInfo.InvariantCulture)).Append(" s");
            if (message.Transcript is { } transcript)
            {
                text.Append(": ").Append(transcript);
            }
        }

        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = text.ToString() }],
            StructuredContent = JsonSerializer.SerializeToElement(new AnsweringMachineAnswer(messages), McpJsonContext.Default.AnsweringMachineAnswer),
        };
    }

    [McpServerTool(Name = MarkMessageHeardName, Title = "Mark a message heard", Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Marks one answering machine message as heard, after it was read out. Takes the id list_messages gave.")]
    public static async Task<string> MarkMessageHeard(
        IAnsweringMachine machine,
        McpLanguage language,
        [Description("The message's id from list_messages.")] string id,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(language);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new McpException("id: give the id list_messages gave");
        }

        var marked = await machine.MarkHeardAsync(id, cancellationToken);
        return McpLanguage.Format(marked ? language.Words.MarkedHeard : language.Words.NoSuchMessage, id);
    }
}
