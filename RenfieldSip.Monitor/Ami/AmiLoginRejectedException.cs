namespace RenfieldSip.Monitor.Ami;

/// <summary>Asterisk answered the Login action with an error: wrong secret, unknown user or a denied host.</summary>
internal sealed class AmiLoginRejectedException : Exception
{
    public AmiLoginRejectedException()
    {
    }

    public AmiLoginRejectedException(string message)
        : base(message)
    {
    }

    public AmiLoginRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
