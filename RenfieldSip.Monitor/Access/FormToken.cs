namespace RenfieldSip.Monitor.Access;

/// <summary>The antiforgery field every form of the page carries.</summary>
internal sealed record FormToken(string FieldName, string Value);
