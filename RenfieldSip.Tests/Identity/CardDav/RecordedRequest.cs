namespace RenfieldSip.Tests.Identity.CardDav;

internal sealed record RecordedRequest(string Method, string Path, string? Depth, string Body, IReadOnlyList<string> Hrefs);
