namespace RenfieldSip.Monitor.Ami;

internal enum AmiConnectionState
{
    Disconnected,
    Connecting,
    LoggedIn,

    /// <summary>Asterisk refused the credentials; retried slowly, because only a config change can fix it.</summary>
    LoginRejected,
}
