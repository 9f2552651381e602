namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <summary>Why a CardDAV sync failed, coarse enough to tell a home user what to fix.</summary>
internal enum CardDavFailure
{
    /// <summary>401 or 403: wrong user name or (app) password, or the user may not read this address book.</summary>
    Unauthorized,

    /// <summary>404 or 410: nothing at the URL.</summary>
    NotFound,

    /// <summary>The URL names a calendar, a single card or a collection without address books.</summary>
    NotAnAddressBook,

    /// <summary>No connection: DNS, refused, TLS, or the connection broke off.</summary>
    Unreachable,

    /// <summary>A request got no complete answer within the request timeout.</summary>
    Timeout,

    /// <summary>An unexpected status, malformed or hostile XML, or an answer over the size or card-count caps.</summary>
    Protocol,
}
