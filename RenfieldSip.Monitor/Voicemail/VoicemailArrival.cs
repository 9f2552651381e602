namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// A finished message as the dialplan reported it: the call's Uniqueid, the file name inside VOICEMAIL_DIR (checked:
/// a plain name, never a path), Record's own length in milliseconds and how the recording ended.
/// </summary>
internal sealed record VoicemailArrival(string CallId, string File, int? ReportedMilliseconds, string? Status);
