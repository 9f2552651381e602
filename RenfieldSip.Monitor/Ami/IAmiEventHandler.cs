namespace RenfieldSip.Monitor.Ami;

/// <summary>Receives what the AMI session reads. Called on the read loop: must be quick and must not block.</summary>
internal interface IAmiEventHandler
{
    /// <summary>One event frame (first line <c>Event:</c>); the spans are valid only during the call.</summary>
    void OnEvent(AmiFrame frame);

    /// <summary>The session is gone (closed, refused, dead); a new one will be attempted.</summary>
    void OnSessionEnded();
}
