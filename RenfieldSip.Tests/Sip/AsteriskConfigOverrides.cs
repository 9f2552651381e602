using System.Text;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// Replaces option values in a rendered Asterisk configuration file, section by section: the tests shorten the
/// template's intervals (keep-alive, re-registration, retries) so a failure and its recovery take seconds. Every
/// option named must exist in its section, so a renamed template option fails the test instead of passing vacuously.
/// </summary>
internal static class AsteriskConfigOverrides
{
    public static void Apply(string path, IReadOnlyDictionary<(string Section, string Key), string> values)
    {
        var pending = new HashSet<(string Section, string Key)>(values.Keys);
        var output = new StringBuilder();
        var section = string.Empty;
        foreach (var line in File.ReadAllLines(path))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('[') && trimmed.IndexOf(']', StringComparison.Ordinal) is var close and > 0)
            {
                section = trimmed[1..close];
            }
            else if (trimmed.Length > 0 && trimmed[0] != ';' && trimmed.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
            {
                var key = trimmed[..equals].Trim();
                if (values.TryGetValue((section, key), out var value))
                {
                    output.Append(key).Append(" = ").Append(value).Append('\n');
                    pending.Remove((section, key));
                    continue;
                }
            }

            output.Append(line).Append('\n');
        }

        if (pending.Count != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(path)} has no {string.Join(", ", pending.Select(p => $"[{p.Section}] {p.Key}"))} to override.");
        }

        File.WriteAllText(path, output.ToString());
    }

    /// <summary>Adds lines (a whole section) at the end of the file.</summary>
    public static void Append(string path, string text) => File.AppendAllText(path, "\n" + text);
}
