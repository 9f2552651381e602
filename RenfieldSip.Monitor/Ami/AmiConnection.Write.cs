namespace RenfieldSip.Monitor.Ami;

/// <summary>Actions: written one at a time, answered through the read loop by ActionID.</summary>
internal sealed partial class AmiConnection
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly AmiPendingActions _pending = new();

    /// <summary>Sends an action and completes with the response carrying its ActionID.</summary>
    public async Task<AmiMessage> SendActionAsync(AmiAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var response = _pending.Register(action.ActionId);
        try
        {
            await WriteAsync(action, cancellationToken).ConfigureAwait(false);
            return await response.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.Forget(action.ActionId);
        }
    }

    // Serialised so a Ping from the keepalive loop cannot interleave with a Logoff or any other action.
    private async ValueTask WriteAsync(AmiAction action, CancellationToken cancellationToken)
    {
        var bytes = action.ToBytes();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
