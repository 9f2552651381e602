namespace RenfieldSip.Tests.Support;

public enum AmiTestStreamMode
{
    /// <summary>The recv() chunks recorded with the capture.</summary>
    Recorded,

    /// <summary>Every <see cref="AmiTestServerOptions.ChunkSize"/> bytes.</summary>
    FixedChunks,

    /// <summary>At <see cref="AmiTestServerOptions.SplitPoints"/>.</summary>
    SplitPoints,

    /// <summary>Do not stream; the test sends with <see cref="AmiTestServerConnection.SendCaptureBodyAsync"/> or <see cref="AmiTestServerConnection.SendAsync"/>.</summary>
    Manual,
}
