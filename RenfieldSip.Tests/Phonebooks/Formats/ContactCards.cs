using RenfieldSip.Monitor.Phonebooks.Formats;

namespace RenfieldSip.Tests.Phonebooks.Formats;

/// <summary>Cards as one comparable line each: a whole parse result can be compared with one assertion.</summary>
internal static class ContactCards
{
    public static string Describe(ContactCard card) =>
        $"{card.Line}|{card.Name}|{string.Join(",", card.Numbers)}|{string.Join(",", card.Groups)}";

    public static string[] Describe(IEnumerable<ContactCard> cards) => cards.Select(Describe).ToArray();
}
