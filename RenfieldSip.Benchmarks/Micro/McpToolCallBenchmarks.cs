using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using RenfieldSip.Monitor;
using RenfieldSip.Monitor.History;
using RenfieldSip.Tests.Support;
using StackExchange.Redis;

namespace RenfieldSip.Benchmarks.Micro;

/// <summary>
/// One MCP tool call as Renfield's agent makes it: the official client over HTTP on 127.0.0.1 into the real monitor
/// (in this process), whose history holds <see cref="Records"/> calls in memory or in a real redis-server.
/// <c>list_calls</c> asks for the newest 20; <c>last_call_from</c> asks for the one caller whose only call is the
/// oldest record, so the whole history is read: the worst case of a search by caller.
/// </summary>
[MemoryDiagnoser]
public class McpToolCallBenchmarks
{
    private WebApplication? _monitor;
    private RedisServer? _redis;
    private McpClient? _client;

    [Params(1_000, 100_000)]
    public int Records { get; set; }

    [Params("memory", "redis")]
    public string Store { get; set; } = "memory";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ami:Host"] = "127.0.0.1",
            ["Ami:Port"] = ClosedPort().ToString(CultureInfo.InvariantCulture),
            ["Ami:Secret"] = "benchmark-secret-0123456789",
            ["Webhook:Url"] = "http://127.0.0.1:9/api/notifications/webhook",
            ["Webhook:Token"] = "benchmark-token",
            ["Phonebook:Path"] = "/nonexistent/phonebook.yaml",
            ["History:MaxCalls"] = Records.ToString(CultureInfo.InvariantCulture),
        };
        if (Store == "redis")
        {
            _redis = await RedisServer.StartNewAsync(CancellationToken.None);
            settings["ConnectionStrings:redis"] = _redis.ConnectionString;
            await SeedRedisAsync(_redis.ConnectionString);
        }

        _monitor = MonitorApplication.Create([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
        });
        await _monitor.StartAsync();
        if (Store == "memory")
        {
            var store = _monitor.Services.GetRequiredService<CallHistoryStore>();
            for (var i = 0; i < Records; i++)
            {
                await store.AppendAsync(Record(i), CancellationToken.None);
            }
        }

        var address = new Uri(_monitor.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        _client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(address, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }));

        // The oldest record must be there, or the worst case measured nothing.
        var check = await LastCallFromAsync();
        if (!check.Contains("Oma Helga", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the seeded history is incomplete: " + check);
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        if (_monitor is not null)
        {
            await _monitor.StopAsync();
            await _monitor.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [Benchmark]
    public async Task<string> ListCallsNewest20()
    {
        var result = await _client!.CallToolAsync("list_calls", new Dictionary<string, object?> { ["limit"] = 20 });
        return ((ModelContextProtocol.Protocol.TextContentBlock)result.Content[0]).Text;
    }

    [Benchmark]
    public Task<string> LastCallFromOldestCaller() => LastCallFromAsync();

    private async Task<string> LastCallFromAsync()
    {
        var result = await _client!.CallToolAsync("last_call_from", new Dictionary<string, object?> { ["person"] = "Oma" });
        return ((ModelContextProtocol.Protocol.TextContentBlock)result.Content[0]).Text;
    }

    /// <summary>Call 0 is Oma Helga's; the others come from 1,000 other contacts.</summary>
    private static CallRecord Record(int i) => new()
    {
        CallId = $"1795600000.{i}",
        StartedAt = TimeProvider.System.GetUtcNow(),
        Did = "+4930123456",
        CallerNumber = i == 0 ? "+49 170 5555555" : $"+49 170 1{i % 1000:000000}",
        CallerName = i == 0 ? "Oma Helga" : $"Kontakt {i % 1000}",
        NameSource = CallerNameSource.Phonebook,
        PhonebookSource = "phonebook.yaml",
        RingSeconds = 12.5,
        Ended = CallEnding.CallerHungUp,
        HangupCause = 127,
        Outcome = CallOutcome.Announced,
        RenfieldStatus = RenfieldStatus.Delivered,
        Spoken = true,
    };

    /// <summary>Through the store the monitor writes with (the same script), many at a time so 100,000 take seconds.</summary>
    private async Task SeedRedisAsync(string connectionString)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var store = new RedisCallHistoryStore(redis.GetDatabase(), new HistoryOptions { MaxCalls = Records }, TimeProvider.System);
        const int Batch = 1000;
        for (var start = 0; start < Records; start += Batch)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(Batch, Records - start)).Select(i => store.AppendAsync(Record(i))));
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
