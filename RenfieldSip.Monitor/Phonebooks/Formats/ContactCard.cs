namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>One contact as the source wrote it. Nothing is sanitized or normalized here.</summary>
internal sealed record ContactCard(string? Name, IReadOnlyList<string> Numbers, IReadOnlyList<string> Groups, int Line);
