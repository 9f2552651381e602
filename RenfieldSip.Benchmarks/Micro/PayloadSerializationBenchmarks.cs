using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Notification;

namespace RenfieldSip.Benchmarks.Micro;

/// <summary>
/// The webhook body: <see cref="NotificationComposer"/> (German wording, caller text cleaned) and the
/// source-generated JSON the client posts (<see cref="RenfieldJsonContext.ToUtf8"/>). Per payload.
/// </summary>
[MemoryDiagnoser]
public class PayloadSerializationBenchmarks
{
    private static readonly CallerIdentity Contact = new(CallerKind.Contact, "Max Mustermann", "+49 170 1234567", "+491701234567");

    private NotificationComposer _composer = null!;
    private RenfieldNotification _notification = null!;

    [GlobalSetup]
    public void Setup()
    {
        _composer = new NotificationComposer(Options.Create(new WebhookOptions { Url = "http://127.0.0.1:8000/api/notifications/webhook" }));
        _notification = _composer.Compose(Contact);
        Console.WriteLine("// " + System.Text.Encoding.UTF8.GetString(RenfieldJsonContext.ToUtf8(_notification)));
    }

    [Benchmark]
    public object Compose() => _composer.Compose(Contact);

    [Benchmark]
    public byte[] Serialize() => RenfieldJsonContext.ToUtf8(_notification);

    [Benchmark(Baseline = true)]
    public byte[] ComposeAndSerialize() => RenfieldJsonContext.ToUtf8(_composer.Compose(Contact));
}
