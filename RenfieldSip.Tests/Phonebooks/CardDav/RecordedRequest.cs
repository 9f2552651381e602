namespace RenfieldSip.Tests.Phonebooks.CardDav;

internal sealed record RecordedRequest(string Method, string Path, string? Depth, string Body, IReadOnlyList<string> Hrefs);
