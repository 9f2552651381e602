namespace RenfieldSip.Monitor.Ami;

/// <summary>
/// The peer broke the AMI wire format (oversized block, wrong banner). Messages describe the problem in words and
/// never quote received bytes: a misconfigured port may point at anything, and a Login echo would carry the secret.
/// </summary>
internal sealed class AmiProtocolException : Exception
{
    public AmiProtocolException()
    {
    }

    public AmiProtocolException(string message)
        : base(message)
    {
    }

    public AmiProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
