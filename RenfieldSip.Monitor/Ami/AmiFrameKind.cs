namespace RenfieldSip.Monitor.Ami;

internal enum AmiFrameKind
{
    /// <summary>First line <c>Event: …</c>. An OriginateResponse event that carries a <c>Response:</c> key is still an event.</summary>
    Event,

    /// <summary>First line <c>Response: …</c>: the answer to an action.</summary>
    Response,

    /// <summary>Anything else; read and dropped.</summary>
    Other,
}
