using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Ami;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// A started <see cref="AmiClient"/> wired to an <see cref="AmiTestServer"/>, a recording handler, a fake logger and
/// (optionally) observable fake time. Disposing stops the client and the server and checks the secret never leaked.
/// </summary>
internal sealed class AmiClientHarness : IAsyncDisposable
{
    private AmiClientHarness(AmiTestServer server, AmiOptions options, TimeProvider time)
    {
        Server = server;
        Options = options;
        Time = time;
        Status = new AmiConnectionStatus(Microsoft.Extensions.Options.Options.Create(options));
        Logger = new FakeLogger<AmiClient>(Logs);
        Client = new AmiClient(Microsoft.Extensions.Options.Options.Create(options), Handler, Status, time, Logger);
    }

    public AmiTestServer Server { get; }

    public AmiOptions Options { get; }

    public TimeProvider Time { get; }

    /// <summary>The fake clock when the harness was started with one; null on real time.</summary>
    public AmiObservableTimeProvider? FakeTime => Time as AmiObservableTimeProvider;

    public AmiRecordingEventHandler Handler { get; } = new();

    public AmiConnectionStatus Status { get; }

    public FakeLogCollector Logs { get; } = new();

    public FakeLogger<AmiClient> Logger { get; }

    public AmiClient Client { get; }

    private const int LoggedInEventId = 1001;

    /// <summary>Logins the client completed: its "logged in" lines.</summary>
    public int SessionsStarted => Logs.WithId(LoggedInEventId).Count;

    public static async Task<AmiClientHarness> StartAsync(AmiTestServer server, TimeProvider? time = null, Action<AmiOptions>? configure = null)
    {
        var options = server.CreateClientOptions();
        configure?.Invoke(options);
        var harness = new AmiClientHarness(server, options, time ?? TimeProvider.System);
        await harness.Client.StartAsync(TestContext.Current.CancellationToken).ConfigureAwait(false);
        return harness;
    }

    public Task WaitForSessionsStartedAsync(int count) =>
        Poll.UntilAsync(() => SessionsStarted >= count, $"{count} AMI sessions started", TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

    /// <summary>The secret must appear in no log message, structured value, exception, status text or health message.</summary>
    public void AssertSecretNeverExposed()
    {
        var secret = Options.Secret!;
        foreach (var record in Logs.GetSnapshot())
        {
            Assert.DoesNotContain(secret, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, record.Exception?.ToString() ?? string.Empty, StringComparison.Ordinal);
            foreach (var pair in record.StructuredState ?? [])
            {
                Assert.DoesNotContain(secret, pair.Value ?? string.Empty, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain(secret, Status.LastError ?? string.Empty, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Client.StopAsync(timeout.Token).ConfigureAwait(false);
        Client.Dispose();
        await Server.DisposeAsync().ConfigureAwait(false);
    }
}
