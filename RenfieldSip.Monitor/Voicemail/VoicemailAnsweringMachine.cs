using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Mcp;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>The kept messages as the assistant's tools see them: new ones first, then newest first; the id is the call's.</summary>
internal sealed class VoicemailAnsweringMachine(VoicemailIndex index, IOptions<VoicemailOptions> options) : IAnsweringMachine
{
    public bool IsAvailable => options.Value.IsEnabled;

    public Task<IReadOnlyList<AnsweringMachineMessage>> ListAsync(bool onlyNew, CancellationToken cancellationToken)
    {
        IReadOnlyList<AnsweringMachineMessage> messages =
        [
            // Newest kept last in the index; reversed first so messages of the same instant stay newest first.
            .. index.All()
                .Reverse()
                .Where(m => !onlyNew || !m.Heard)
                .OrderBy(m => m.Heard)
                .ThenByDescending(m => m.ReceivedAt)
                .Select(m => new AnsweringMachineMessage(
                    m.CallId,
                    m.ReceivedAt,
                    m.Withheld ? null : m.CallerName,
                    m.Withheld ? null : m.CallerNumber,
                    m.Withheld,
                    Math.Round(m.Length.TotalSeconds, 2),
                    m.Transcript,
                    m.Heard)),
        ];
        return Task.FromResult(messages);
    }

    public Task<bool> MarkHeardAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(index.Update(id, m => m with { Heard = true }));
}
