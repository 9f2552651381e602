namespace RenfieldSip.Monitor.Identity;

/// <summary>A phone number in the forms the monitor needs.</summary>
/// <param name="Key">What phonebook entries and callers are matched on: the E.164 form, or the cleaned digits when it does not parse.</param>
/// <param name="Display">For people: <c>+49 170 1234567</c>, or the cleaned digits.</param>
/// <param name="E164">The E.164 form when the number parses; otherwise null.</param>
internal sealed record NormalizedNumber(string Key, string Display, string? E164);
