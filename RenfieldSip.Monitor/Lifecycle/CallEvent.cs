namespace RenfieldSip.Monitor.Lifecycle;

/// <summary>
/// One stage of a call's lifecycle, published once by the part of the pipeline that reached it. Each stage carries
/// only what is known at that point; a listener that needs more keeps what earlier stages told it, by call id.
/// </summary>
/// <param name="CallId">Asterisk's Uniqueid of the inbound channel, or the test call's own id.</param>
internal abstract record CallEvent(string CallId);
