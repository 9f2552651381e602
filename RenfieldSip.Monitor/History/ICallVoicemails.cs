namespace RenfieldSip.Monitor.History;

/// <summary>Where the history finds the message a call left (the Voicemail area keeps them).</summary>
internal interface ICallVoicemails
{
    CallVoicemail? Of(string callId);
}
