namespace RenfieldSip.Tests.Support;

/// <summary>One request as <see cref="RequestRecorder"/> saw it: what was asked, what was answered, from which page.</summary>
internal sealed record RecordedRequest(string Method, string Path, int Status, string Origin);
