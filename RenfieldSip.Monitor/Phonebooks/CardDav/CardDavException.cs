namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <summary>
/// A CardDAV request failed. The message is plain English for a home user and names the URL without user info or
/// query (either may carry credentials); it never quotes the server's answer.
/// </summary>
internal sealed class CardDavException : Exception
{
    public CardDavException()
        : this(CardDavFailure.Protocol, "CardDAV request failed")
    {
    }

    public CardDavException(string message)
        : this(CardDavFailure.Protocol, message)
    {
    }

    public CardDavException(string message, Exception innerException)
        : this(CardDavFailure.Protocol, message, innerException)
    {
    }

    public CardDavException(CardDavFailure kind, string message, Exception? innerException = null, int? statusCode = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    public CardDavFailure Kind { get; }

    /// <summary>The HTTP status behind the failure, when there was one.</summary>
    public int? StatusCode { get; }
}
