using System.Text;
using RenfieldSip.Monitor.Ami;

namespace RenfieldSip.Tests.Ami;

public sealed class AmiActionTests
{
    [Fact]
    public void Writes_action_id_and_fields_in_order_ending_with_an_empty_line()
    {
        var action = new AmiAction("Login", "renfieldsip-login-1")
            .Add("Username", "callmonitor")
            .Add("Secret", "s3cret")
            .Add("Events", "on");

        Assert.Equal(
            "Action: Login\r\nActionID: renfieldsip-login-1\r\nUsername: callmonitor\r\nSecret: s3cret\r\nEvents: on\r\n\r\n",
            Encoding.UTF8.GetString(action.ToBytes()));
    }

    [Theory]
    [InlineData("x\r\nAction: Originate")]
    [InlineData("x\nAction: Originate")]
    [InlineData("x\r")]
    public void Refuses_line_breaks_in_values_so_nothing_can_be_injected(string value)
    {
        var action = new AmiAction("Ping", "1");

        var error = Assert.Throws<ArgumentException>(() => action.Add("Secret", value));

        Assert.DoesNotContain("Originate", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new AmiAction("Ping", value));
    }

    [Theory]
    [InlineData("Key: Value")]
    [InlineData("Key\r\n")]
    [InlineData(" Key")]
    public void Refuses_keys_that_would_change_the_block(string key) =>
        Assert.Throws<ArgumentException>(() => new AmiAction("Ping", "1").Add(key, "v"));

    [Fact]
    public void ToString_never_shows_field_values()
    {
        var action = new AmiAction("Login", "7").Add("Secret", "s3cret");

        Assert.DoesNotContain("s3cret", action.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_materialised_message_keeps_repeats_and_finds_the_first_value_case_insensitively()
    {
        var message = AmiMessage.FromFrame(new AmiFrame("Event: UserEvent\r\nUniqueid: 1.0\r\nuniqueid: 2.0\r\nAccountCode: "u8));

        Assert.Equal(AmiFrameKind.Event, message.Kind);
        Assert.Equal("UserEvent", message.Name);
        Assert.Equal("1.0", message["UNIQUEID"]);
        Assert.Equal(4, message.Fields.Count);
        Assert.Equal(string.Empty, message["AccountCode"]);
        Assert.Null(message["Missing"]);
    }
}
