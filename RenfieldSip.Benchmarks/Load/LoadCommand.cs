using System.Globalization;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// <c>load</c>: runs the chosen scenarios <c>--runs</c> times, prints every run's figures as it ends and a
/// min / median / max table at the end (Markdown, ready for docs/PERFORMANCE.md).
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (FormatException ex)
        {
            if (ex.Message != "help")
            {
                await Console.Error.WriteLineAsync(ex.Message);
            }

            await Console.Error.WriteLineAsync(LoadOptions.Usage);
            return 2;
        }

        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };

        var timeProvider = TimeProvider.System;
        if (options.Scenario == "sink")
        {
            return await RunSinkAsync(options, timeProvider, interrupted.Token);
        }

        await using var harness = await LoadHarness.StartAsync(options, timeProvider, interrupted.Token);

        var scenarios = new LoadScenarios(options, harness, timeProvider);
        var table = new FigureTable();
        try
        {
            for (var run = 1; run <= options.Runs; run++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== run {run}/{options.Runs}: {options.Scenario}"));
                await foreach (var figures in scenarios.RunAsync(options.Scenario, interrupted.Token))
                {
                    Console.Write(FigureTable.FormatRun(figures));
                    table.AddRange(figures);
                }
            }
        }
        catch (LoadPhaseException ex)
        {
            await Console.Error.WriteLineAsync("load phase failed: " + ex.Message);
            return 1;
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("interrupted");
            return 130;
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Summary over {options.Runs} run(s); baseline figures are quoted, not measured:"));
        Console.Write(table.Summary());
        return 0;
    }

    private static async Task<int> RunSinkAsync(LoadOptions options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await using var sink = await WebhookSink.StartAsync("load-test-token", timeProvider, options.SinkPort, cancellationToken);
        var ledger = new CallLedger(100_000);
        sink.Attach(ledger);
        Console.WriteLine($"sink listening on {sink.Url} (Authorization: Bearer load-test-token) for {options.SinkLifetime.TotalSeconds} s");
        try
        {
            await Task.Delay(options.SinkLifetime, timeProvider, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C ends the sink early; the counts are still worth printing.
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"requests {sink.Requests}, matched calls {ledger.Arrived}, duplicates {ledger.Duplicates}, unmatched {ledger.Unmatched}, without the token {sink.Unauthorized}"));
        return 0;
    }
}
