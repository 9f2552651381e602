using System.Text.RegularExpressions;

namespace RenfieldSip.Tests.Config;

/// <summary>
/// docs/guide/run-guide.sh runs the blocks of docs/SIP_INTEGRATION.md that a marker precedes: a marker that no longer
/// sits right above its block would silently drop a step from the test.
/// </summary>
public sealed partial class SetupGuideMarkersTests
{
    private static readonly string[] Guide = File.ReadAllLines(RepositoryLayout.PathOf("docs", "SIP_INTEGRATION.md"));

    [Fact]
    public void Every_step_and_env_marker_sits_right_above_a_shell_block()
    {
        var markers = Guide.Select((line, index) => (Line: line, Index: index)).Where(l => Marker().IsMatch(l.Line)).ToList();
        Assert.NotEmpty(markers);
        Assert.All(markers, marker => Assert.True(
            marker.Index + 1 < Guide.Length && Guide[marker.Index + 1] == "```sh",
            $"line {marker.Index + 1}: {marker.Line} is not followed by a ```sh block"));
    }

    [Fact]
    public void The_marked_steps_go_from_git_clone_through_up_the_test_call_and_a_phone_call_to_down()
    {
        var marked = MarkedText();
        string[] order = ["git clone", "cp .env.example .env", "PROACTIVE_ENABLED=true", "/api/notifications/token", "SIP_WEBHOOK_TOKEN=", "--profile sip up -d", "/api/test-call", "<!-- guide:phone -->", "announced to Renfield", "--profile sip down"];
        var positions = order.Select(text => (Text: text, At: marked.IndexOf(text, StringComparison.Ordinal))).ToList();
        Assert.All(positions, p => Assert.True(p.At >= 0, $"no marked step contains {p.Text}"));
        Assert.Equal(positions.Select(p => p.Text), positions.OrderBy(p => p.At).Select(p => p.Text));
    }

    /// <summary>The marked blocks and the phone marker, in the guide's order.</summary>
    private static string MarkedText()
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < Guide.Length; i++)
        {
            if (Guide[i] == "<!-- guide:phone -->")
            {
                text.AppendLine(Guide[i]);
            }
            else if (Marker().IsMatch(Guide[i]))
            {
                for (var j = i + 2; j < Guide.Length && Guide[j] != "```"; j++)
                {
                    text.AppendLine(Guide[j]);
                }
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("^<!-- guide:(step|env) -->$")]
    private static partial Regex Marker();
}
