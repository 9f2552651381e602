using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Reliability;

/// <summary>
/// Matrix row 10: one run through every scenario (all real captures, calls, the test call, 401/403, 503, 5xx, 422
/// echoing the number, Renfield's duplicate 429, Redis down and back, an AMI restart) with ALL telemetry captured:
/// every log record with its structured state and scopes, every Activity with tags and events, every metric
/// measurement with tags. No AMI secret, no webhook token, no caller number beyond its last two digits.
/// </summary>
public sealed class DownstreamTelemetryLeakTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_secret_token_or_full_caller_number_in_any_log_trace_or_metric_across_every_scenario()
    {
        var secret = "AmiSecret-" + Guid.NewGuid().ToString("N");
        var token = "WebhookToken-" + Guid.NewGuid().ToString("N");
        using var capture = new DownstreamTelemetryCapture();
        await using var redis = await RedisServer.StartNewAsync(Cancellation);
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync(
            new FakeRenfieldOptions { Token = token },
            new AmiTestServerOptions { Stream = AmiTestStreamMode.Manual, Login = AmiTestLoginMode.Accept, ExpectedUsername = "callmonitor", ExpectedSecret = secret });
        var (monitor, ami) = await rig.StartMonitorAsync(new Dictionary<string, string?>
        {
            ["Ami:Secret"] = secret,
            ["Webhook:Token"] = token,
            ["Webhook:MaxConcurrency"] = "1",
            ["ConnectionStrings:redis"] = redis.ConnectionString,
            ["Dedup:KeyPrefix"] = "leak-" + Guid.NewGuid().ToString("N")[..8] + ":",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:System.Net.Http"] = "Trace",
        });

        // Every real capture, back to back on the one session.
        foreach (var name in AmiCapture.AllNames)
        {
            var recorded = AmiCapture.Load(name);
            if (recorded.LoginSucceeds)
            {
                await ami.SendAsync(recorded.Body);
            }
        }

        await AnnounceAsync(rig, ami, 1, HttpStatusCode.OK);
        Assert.Equal(200, (await EndToEndHarness.TestCallAsync(monitor, SyntheticCall.Numbered(20).CallerNumber, "Testanruf", Cancellation)).Status);

        // Renfield refuses: a rotated token (403), no proactive notifications (503), a 500 then success, a 422 that
        // echoes the caller number back (as Pydantic does), and its own duplicate 429.
        rig.Renfield.Token = "rotated-elsewhere";
        await AnnounceAsync(rig, ami, 2, HttpStatusCode.Forbidden);
        Assert.Equal(502, (await EndToEndHarness.TestCallAsync(monitor, SyntheticCall.Numbered(21).CallerNumber, null, Cancellation)).Status);
        rig.Renfield.Token = token;
        rig.Renfield.ProactiveEnabled = false;
        await AnnounceAsync(rig, ami, 3, HttpStatusCode.ServiceUnavailable);
        rig.Renfield.ProactiveEnabled = true;
        rig.Renfield.Enqueue(FakeRenfieldResponse.Detail(HttpStatusCode.InternalServerError, FakeRenfield.InternalErrorDetail));
        await AnnounceAsync(rig, ami, 4, HttpStatusCode.InternalServerError);
        await rig.Renfield.WaitForAsync(all => all.Count(r => r.CallerNumber == "+49 30 55500004") == 2, "the retry of call 4", Timeout);
        rig.Renfield.Enqueue(new FakeRenfieldResponse(HttpStatusCode.UnprocessableEntity, Echo422(SyntheticCall.Numbered(5).CallerNumber)));
        await AnnounceAsync(rig, ami, 5, HttpStatusCode.UnprocessableEntity);
        rig.Renfield.Enqueue(FakeRenfieldResponse.Detail(HttpStatusCode.TooManyRequests, FakeRenfield.DuplicateDetail));
        await AnnounceAsync(rig, ami, 6, HttpStatusCode.TooManyRequests);

        // Redis killed and back; Asterisk restarted.
        redis.Stop();
        await AnnounceAsync(rig, ami, 7, HttpStatusCode.OK);
        await Poll.UntilAsync(async () => await EndToEndHarness.HealthAsync(monitor, Cancellation) == "Degraded", "Degraded", Timeout, Cancellation);
        await redis.StartAsync(Cancellation);
        await Poll.UntilAsync(async () => await EndToEndHarness.HealthAsync(monitor, Cancellation) == "Healthy", "Healthy", Timeout, Cancellation);
        await AnnounceAsync(rig, ami, 8, HttpStatusCode.OK);
        await rig.Ami.StopAsync();
        rig.Ami.Restart();
        var second = await rig.Ami.WaitForLoginAsync(2, Timeout);
        await AnnounceAsync(rig, second, 9, HttpStatusCode.OK);

        // The last announcement is logged after Renfield saw it: wait for the monitor's line about it.
        await Poll.UntilAsync(
            () => monitor.Logs.GetSnapshot().Any(r => r.Id.Id == 1108 && r.GetStructuredStateValue("CallId") == SyntheticCall.Numbered(9).UniqueId),
            "the monitor to finish call 9", Timeout, Cancellation);
        capture.RecordObservableInstruments();

        var mine = Mine(capture.Items, monitor, rig);
        var logs = LogTexts(monitor);
        var numbers = CallerNumbers();
        var leaks = new List<string>();
        foreach (var (where, key, value) in logs.Concat(mine.SelectMany(i => i.Texts.Select(t => (i.Where, t.Key, t.Value)))))
        {
            // The subscriber part (last 7 digits) in any spelling; shorter runs would match Kestrel's request ids.
            leaks.AddRange(numbers.Where(n => Squeeze(value).Contains(n[^7..], StringComparison.Ordinal)).Select(n => $"{where} {key}: caller number …{n[^7..]}"));
            if (key != "message" && value.Contains('*', StringComparison.Ordinal) && value.Count(char.IsAsciiDigit) > 2)
            {
                leaks.Add($"{where} {key}: masked number shows more than two digits: {value}");
            }
        }

        // The secrets are unique to this test, so every item of the process is searched, not only this monitor's.
        foreach (var (where, key, value) in logs.Concat(capture.Items.SelectMany(i => i.Texts.Select(t => (i.Where, t.Key, t.Value)))))
        {
            if (value.Contains(secret, StringComparison.Ordinal))
            {
                leaks.Add($"{where} {key}: the AMI secret");
            }

            if (value.Contains(token, StringComparison.Ordinal))
            {
                leaks.Add($"{where} {key}: the webhook token");
            }
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Distinct()));

        // The detector itself: the webhook bodies carry full numbers by design, and it must see them there.
        Assert.Contains(rig.Renfield.Requests, r => numbers.Any(n => Squeeze(Encoding.UTF8.GetString(r.Body)).Contains(n[^7..], StringComparison.Ordinal)));
        Assert.Contains(mine, i => i.Source is not null && i.Texts.Any(t => t.Key == "renfieldsip.caller.number"));
        Assert.Contains(mine, i => i.Where.StartsWith("activity System.Net.Http", StringComparison.Ordinal));
        Assert.Contains(mine, i => i.Where.Contains("renfieldsip.calls.notified", StringComparison.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"FIGURE row10 telemetry: searched {logs.Count} log texts ({monitor.Logs.GetSnapshot().Count} records), "
            + $"{mine.Count(i => i.Source is not null)} activities and {mine.Count(i => i.Meter is not null)} measurements of this monitor "
            + $"({capture.Items.Count} items process-wide for the secrets) for {numbers.Count} caller numbers: {leaks.Distinct().Count()} leaks");
    }

    private static async Task AnnounceAsync(EndToEndHarness rig, AmiTestServerConnection ami, int call, HttpStatusCode expected)
    {
        await ami.SendAsync(SyntheticCall.Numbered(call).Ringing);
        var request = await rig.WaitForCallAsync(call, Timeout);
        Assert.Equal(expected, request.StatusCode);
    }

    private static string Echo422(string number) =>
        "{\"detail\":[{\"type\":\"string_too_long\",\"loc\":[\"body\",\"title\"],\"msg\":\"String should have at most 255 characters\","
        + "\"input\":\"Anruf von " + number + "\",\"ctx\":{\"max_length\":255}},{\"type\":\"string_type\",\"loc\":[\"body\",\"data\",\"caller_number\"],"
        + "\"msg\":\"Input should be a valid string\",\"input\":\"" + number + "\"}]}";

    /// <summary>Every caller number the run used: the synthetic ones and every CallerIDNum of the captures.</summary>
    private static List<string> CallerNumbers()
    {
        var numbers = Enumerable.Range(1, 21).Select(c => SyntheticCall.Numbered(c).Digits).ToHashSet(StringComparer.Ordinal);
        foreach (var name in AmiCapture.AllNames)
        {
            foreach (var line in Encoding.UTF8.GetString(AmiCapture.Load(name).Bytes).Split("\r\n"))
            {
                if (line.StartsWith("CallerIDNum: ", StringComparison.Ordinal) && PhoneDigits.Of(line) is { Length: >= 6 } digits)
                {
                    numbers.Add(digits);
                }
            }
        }

        return [.. numbers];
    }

    private static List<(string Where, string Key, string Value)> LogTexts(MonitorUnderTest monitor)
    {
        var texts = new List<(string, string, string)>();
        foreach (var record in monitor.Logs.GetSnapshot())
        {
            var where = $"log {record.Category}[{record.Id.Id}]";
            texts.Add((where, "message", record.Message));
            texts.AddRange((record.StructuredState ?? []).Select(kv => (where, kv.Key, kv.Value ?? string.Empty)));
            texts.AddRange(record.Scopes.Select(scope => (where, "scope", ScopeText(scope))));
            if (record.Exception is { } exception)
            {
                texts.Add((where, "exception", exception.ToString()));
            }
        }

        return texts;
    }

    private static string ScopeText(object? scope) => scope switch
    {
        IEnumerable<KeyValuePair<string, object?>> pairs => string.Join(";", pairs.Select(p => p.Key + "=" + Convert.ToString(p.Value, CultureInfo.InvariantCulture))),
        _ => Convert.ToString(scope, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>
    /// This monitor's items: its ActivitySource and Meter instances, meters from its IMeterFactory (ASP.NET Core,
    /// Kestrel), and shared instruments (HttpClient) tagged with one of this test's ports.
    /// </summary>
    private static List<DownstreamTelemetryItem> Mine(IReadOnlyList<DownstreamTelemetryItem> items, MonitorUnderTest monitor, EndToEndHarness rig)
    {
        var telemetry = EndToEndHarness.Telemetry(monitor);
        var meterFactory = monitor.Services.GetRequiredService<IMeterFactory>();
        string[] ports = [.. new[] { monitor.BaseAddress.Port, rig.Renfield.BaseAddress.Port, rig.Ami.Port }.Select(p => p.ToString(CultureInfo.InvariantCulture))];
        return [.. items.Where(item =>
            ReferenceEquals(item.Source, telemetry.ActivitySource)
            || ReferenceEquals(item.Meter, telemetry.Meter)
            || (item.Meter is not null && ReferenceEquals(item.Meter.Scope, meterFactory))
            || item.Texts.Any(t => ports.Contains(t.Value) || ports.Any(p => t.Value.Contains("127.0.0.1:" + p, StringComparison.Ordinal))))];
    }

    /// <summary>Drops the separators people put in phone numbers, so every spelling of a number is one digit run.</summary>
    private static string Squeeze(string text) =>
        string.Concat(text.Where(c => c is not (' ' or '-' or '/' or '(' or ')' or '\u00a0')));
}
