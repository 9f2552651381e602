namespace RenfieldSip.Monitor.Ami;

/// <summary>The session ended without a socket error: the server closed it (EOF) or stopped answering pings.</summary>
internal sealed class AmiConnectionLostException : Exception
{
    public AmiConnectionLostException()
    {
    }

    public AmiConnectionLostException(string message)
        : base(message)
    {
    }

    public AmiConnectionLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
