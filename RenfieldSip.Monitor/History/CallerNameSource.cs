using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Monitor.History;

/// <summary>Where an announced name came from: the one place that reads it off the caller's identity.</summary>
internal static class CallerNameSource
{
    public const string Phonebook = "phonebook";
    public const string CallerId = "caller_id";
    public const string None = "none";

    public static string Of(CallerIdentity caller, string? announcedName)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (announcedName is null)
        {
            return None;
        }

        return caller.Kind switch
        {
            CallerKind.Contact => Phonebook,
            CallerKind.Named => CallerId,
            _ => None,
        };
    }
}
