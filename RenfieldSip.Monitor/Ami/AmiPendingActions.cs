using System.Collections.Concurrent;
using System.Text;

namespace RenfieldSip.Monitor.Ami;

/// <summary>Actions waiting for their response, by ActionID: completed by the read loop, failed when it ends.</summary>
internal sealed class AmiPendingActions
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<AmiMessage>> _pending = new(StringComparer.Ordinal);

    public Task<AmiMessage> Register(string actionId)
    {
        var completion = new TaskCompletionSource<AmiMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(actionId, completion))
        {
            throw new InvalidOperationException("An action with this ActionID is already pending.");
        }

        return completion.Task;
    }

    public void Forget(string actionId) => _pending.TryRemove(actionId, out _);

    /// <summary>Completes the action the response names; a response nobody waits for is dropped.</summary>
    public void Complete(AmiFrame response)
    {
        if (_pending.IsEmpty || !response.TryGetValue("ActionID"u8, out var id))
        {
            return;
        }

        // Responses are rare (login, ping, logoff), so decoding the id to look it up is fine here.
        if (_pending.TryRemove(Encoding.UTF8.GetString(id), out var completion))
        {
            completion.TrySetResult(AmiMessage.FromFrame(response));
        }
    }

    public void FailAll(Exception reason)
    {
        foreach (var pending in _pending)
        {
            if (_pending.TryRemove(pending.Key, out var completion))
            {
                completion.TrySetException(reason);
            }
        }
    }
}
