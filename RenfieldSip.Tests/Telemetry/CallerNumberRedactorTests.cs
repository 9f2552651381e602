using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Tests.Telemetry;

public sealed class CallerNumberRedactorTests
{
    [Theory]
    [InlineData("+491701234567", "+**********67")]
    [InlineData("+49 170 1234567", "+** *** *****67")]
    [InlineData("01705555555", "*********55")]
    [InlineData("anonymous", "*********")]
    [InlineData("", "-")]
    [InlineData(null, "-")]
    public void Keeps_only_the_last_two_digits(string? number, string expected)
    {
        var redactor = new CallerNumberRedactor(Options.Create(new TelemetryOptions()));

        Assert.Equal(expected, redactor.Redact(number));
    }

    [Fact]
    public void Shows_the_number_when_configured_to()
    {
        var redactor = new CallerNumberRedactor(Options.Create(new TelemetryOptions { RedactCallerNumbers = false }));

        Assert.Equal("+491701234567", redactor.Redact("+491701234567"));
    }
}
