using BenchmarkDotNet.Running;
using RenfieldSip.Benchmarks.Load;

if (args.Length == 0 || args[0] is not ("micro" or "load"))
{
    await Console.Error.WriteLineAsync("usage: RenfieldSip.Benchmarks micro [BenchmarkDotNet args] | load <scenario> [options] (load --help)");
    return 2;
}

if (args[0] == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(LoadCommand).Assembly).Run(args[1..]);
    return 0;
}

return await LoadCommand.RunAsync(args[1..]);
