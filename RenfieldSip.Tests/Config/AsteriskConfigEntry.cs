namespace RenfieldSip.Tests.Config;

internal sealed record AsteriskConfigEntry(string Key, string Value, int LineNumber);
