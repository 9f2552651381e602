using System.Buffers;

namespace RenfieldSip.Monitor.Ami;

/// <summary>The transport loop: the only reader of the socket, from the banner to the end of the session.</summary>
internal sealed partial class AmiConnection
{
    private const int MaxBannerBytes = 1024;
    private const string BannerPrefix = "Asterisk Call Manager/";

    private readonly TaskCompletionSource<string> _banner = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly AmiFrameScratch _scratch = new();
    private AmiFrameReader _frames;

    /// <summary>
    /// Reads the banner, then frames: events go to <paramref name="handler"/> synchronously, responses complete the
    /// pending actions (the login included). Ends only by exception: EOF is <see cref="AmiConnectionLostException"/>;
    /// whatever ends it also fails the banner and every pending action.
    /// </summary>
    public async Task RunAsync(IAmiEventHandler handler, Action<Exception> onHandlerError, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                var before = buffer.Length;
                var events = _banner.Task.IsCompleted ? ProcessFrames(ref buffer, handler, onHandlerError) : ProcessBanner(ref buffer, handler, onHandlerError);
                _status.AddRead(events, before - buffer.Length);
                _reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    var phase = !_banner.Task.IsCompleted ? " before sending its banner" : string.Empty;
                    throw new AmiConnectionLostException($"The AMI server at {_options.Endpoint} closed the connection{phase}.");
                }
            }
        }
        catch (Exception ex)
        {
            _banner.TrySetException(ex);
            _pending.FailAll(ex);
            throw;
        }
    }

    private int ProcessBanner(ref ReadOnlySequence<byte> buffer, IAmiEventHandler handler, Action<Exception> onHandlerError)
    {
        if (!AmiFrameReader.TryReadBanner(ref buffer, MaxBannerBytes, out var banner))
        {
            return 0;
        }

        if (!banner.StartsWith(BannerPrefix, StringComparison.Ordinal))
        {
            throw new AmiProtocolException($"The peer at {_options.Endpoint} is not an Asterisk manager interface (unexpected banner); check Ami:Host and Ami:Port.");
        }

        _banner.TrySetResult(banner);
        return ProcessFrames(ref buffer, handler, onHandlerError);
    }

    private int ProcessFrames(ref ReadOnlySequence<byte> buffer, IAmiEventHandler handler, Action<Exception> onHandlerError)
    {
        var events = 0;
        while (_frames.TryReadFrame(ref buffer, out var block))
        {
            var frame = new AmiFrame(_scratch.GetContiguous(block));
            switch (frame.Kind)
            {
                case AmiFrameKind.Event:
                    events++;
                    try
                    {
                        handler.OnEvent(frame);
                    }
#pragma warning disable CA1031 // A bug in one event's handling must not cost the session and every later call.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        onHandlerError(ex);
                    }

                    break;
                case AmiFrameKind.Response:
                    _pending.Complete(frame);
                    break;
                default:
                    break;
            }
        }

        return events;
    }
}
