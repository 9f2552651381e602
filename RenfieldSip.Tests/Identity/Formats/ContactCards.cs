using RenfieldSip.Monitor.Identity.Formats;

namespace RenfieldSip.Tests.Identity.Formats;

/// <summary>Cards as one comparable line each: a whole parse result can be compared with one assertion.</summary>
internal static class ContactCards
{
    public static string Describe(ContactCard card) =>
        $"{card.Line}|{card.Name}|{string.Join(",", card.Numbers)}|{string.Join(",", card.Groups)}";

    public static string[] Describe(IEnumerable<ContactCard> cards) => cards.Select(Describe).ToArray();
}
