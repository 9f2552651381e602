using System.Globalization;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>The <c>load</c> command line. Every count and time is bounded so a run always stops by itself.</summary>
internal sealed class LoadOptions
{
    private readonly Dictionary<string, string> _extraEnvironment = new(StringComparer.Ordinal);

    public const string Usage = """
        usage: RenfieldSip.Benchmarks load <scenario> [options]
          scenarios: raw         raw socket reader only (throughput + paced): the limit, no monitor needed
                     throughput  raw reader, then the monitor, on identical streams of --calls calls
                     paced       --rate calls/s for --duration s: latency (raw reader, monitor, monitor+Redis)
                     memory      --memory-calls checkpoints, peak RSS at each (flow-controlled, nothing dropped)
                     all         throughput, paced, memory
                     coldstart   a fresh monitor per run: start, AMI login, then --cold-calls calls one at a time
                                 (each sent when the previous one arrived); latency of the 1st, 2nd, 10th, last call,
                                 time and CPU to login, RSS after 10 calls. Information logging, like a real start.
                                 Use --runs 10 for min/median/max over ten starts.
                     sink        only the webhook sink on --sink-port for --sink-seconds (try it with curl)
          --runs N               repeat the scenarios N times, print min/median/max (default 1)
          --calls N              throughput calls (default 20000)
          --noise K              noise events per call (default 85: 5 call events + 85 = 1 in 18)
          --overlap D            calls in progress: call i hangs up after call i+D starts (default 8)
          --rate R               paced calls per second (default 200)
          --duration T           paced seconds (default 10)
          --memory-calls A,B     memory checkpoints (default 10000,50000)
          --window W             memory: calls sent ahead of announcements (default 512)
          --monitor PATH         RenfieldSip.Monitor.dll, or a NativeAOT RenfieldSip.Monitor executable
                                 (default: the Release build beside this repo)
          --redis CONN           also run paced with ConnectionStrings__redis=CONN (a running redis-server)
          --max-concurrency N    Webhook__MaxConcurrency for the monitor (default: the monitor's)
          --queue-capacity N     Webhook__QueueCapacity (default: --calls for throughput, the monitor's otherwise)
          --dedup-window T       Dedup__Window, e.g. 00:00:30 (default: the monitor's)
          --env KEY=VALUE        one more environment variable for the monitor (repeatable), e.g. DOTNET_gcServer=1
          --warmup N             calls sent to each monitor before it is measured, then 1 s for the JIT's
                                 tier-up: the figures are a running monitor's, not a cold start's (default 20000; 0 = cold)
          --cold-calls N         coldstart: calls per start (default 100)
          --timeout S            upper bound for each phase in seconds (default 180)
          --idle-timeout S       give up waiting for announcements after S s without one (default 10)
          --sink-port P          sink scenario port (default 0 = any)
          --sink-seconds S       sink scenario lifetime (default 60)
        """;

    public string Scenario { get; private set; } = "all";

    public int Runs { get; private set; } = 1;

    public int Calls { get; private set; } = 20_000;

    public int Noise { get; private set; } = 85;

    public int Overlap { get; private set; } = 8;

    public double Rate { get; private set; } = 200;

    public double DurationSeconds { get; private set; } = 10;

    public IReadOnlyList<int> MemoryCalls { get; private set; } = [10_000, 50_000];

    public int Window { get; private set; } = 512;

    public int WarmupCalls { get; private set; } = 20_000;

    public int ColdCalls { get; private set; } = 100;

    public string? MonitorDll { get; private set; }

    public string? Redis { get; private set; }

    public int? MaxConcurrency { get; private set; }

    public int? QueueCapacity { get; private set; }

    public string? DedupWindow { get; private set; }

    /// <summary>Extra monitor environment for experiments (GC mode, telemetry switches); applied last.</summary>
    public IReadOnlyDictionary<string, string> ExtraEnvironment => _extraEnvironment;

    public TimeSpan PhaseTimeout { get; private set; } = TimeSpan.FromSeconds(180);

    public TimeSpan IdleTimeout { get; private set; } = TimeSpan.FromSeconds(10);

    public int SinkPort { get; private set; }

    public TimeSpan SinkLifetime { get; private set; } = TimeSpan.FromSeconds(60);

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        var i = 0;
        if (args.Count > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            options.Scenario = args[i++];
        }

        if (options.Scenario is not ("raw" or "throughput" or "paced" or "memory" or "all" or "sink" or "coldstart"))
        {
            throw new FormatException($"unknown scenario '{options.Scenario}'");
        }

        for (; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                throw new FormatException("help");
            }

            if (i + 1 >= args.Count)
            {
                throw new FormatException($"{name} needs a value");
            }

            var value = args[++i];
            switch (name)
            {
                case "--runs": options.Runs = Int(name, value, 1, 20); break;
                case "--calls": options.Calls = Int(name, value, 1, 1_000_000); break;
                case "--noise": options.Noise = Int(name, value, 0, 10_000); break;
                case "--overlap": options.Overlap = Int(name, value, 0, 10_000); break;
                case "--rate": options.Rate = Int(name, value, 1, 100_000); break;
                case "--duration": options.DurationSeconds = Int(name, value, 1, 600); break;
                case "--memory-calls": options.MemoryCalls = [.. value.Split(',').Select(v => Int(name, v, 1, 1_000_000)).Order()]; break;
                case "--warmup": options.WarmupCalls = Int(name, value, 0, 1_000_000); break;
                case "--cold-calls": options.ColdCalls = Int(name, value, 10, 100_000); break;
                case "--window": options.Window = Int(name, value, 1, 1_000_000); break;
                case "--monitor": options.MonitorDll = Path.GetFullPath(value); break;
                case "--redis": options.Redis = value; break;
                case "--max-concurrency": options.MaxConcurrency = Int(name, value, 1, 1024); break;
                case "--queue-capacity": options.QueueCapacity = Int(name, value, 1, 10_000_000); break;
                case "--dedup-window": options.DedupWindow = TimeSpan.Parse(value, CultureInfo.InvariantCulture).ToString("c", CultureInfo.InvariantCulture); break;
                case "--env":
                    var separator = value.IndexOf('=', StringComparison.Ordinal);
                    options._extraEnvironment[separator > 0 ? value[..separator] : throw new FormatException($"--env must be KEY=VALUE, not '{value}'")] = value[(separator + 1)..];
                    break;
                case "--timeout": options.PhaseTimeout = TimeSpan.FromSeconds(Int(name, value, 1, 3600)); break;
                case "--idle-timeout": options.IdleTimeout = TimeSpan.FromSeconds(Int(name, value, 1, 600)); break;
                case "--sink-port": options.SinkPort = Int(name, value, 0, 65535); break;
                case "--sink-seconds": options.SinkLifetime = TimeSpan.FromSeconds(Int(name, value, 1, 3600)); break;
                default: throw new FormatException($"unknown option {name}");
            }
        }

        return options;
    }

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new FormatException($"{name} must be an integer from {min} to {max}, not '{value}'");
}
