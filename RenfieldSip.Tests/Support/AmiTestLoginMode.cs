namespace RenfieldSip.Tests.Support;

public enum AmiTestLoginMode
{
    /// <summary>Answer like the capture's recorded login response (success unless it is a login-failure capture).</summary>
    FromCapture,

    Accept,

    /// <summary><c>Response: Error / Message: Authentication failed</c>, then close, like Asterisk.</summary>
    Reject,

    /// <summary>Read the Login and never answer it.</summary>
    Ignore,
}
