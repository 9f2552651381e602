namespace RenfieldSip.Benchmarks.Load;

/// <param name="Checkpoints">Memory when the sink had seen each checkpoint's number of calls.</param>
/// <param name="Logins">AMI logins during the phase; more than one means the monitor reconnected.</param>
/// <param name="UserCpu">User-mode CPU the monitor process used from the measured stream's start (after any warm-up) to the end of the phase.</param>
/// <param name="SystemCpu">Kernel CPU (socket copies, syscalls) over the same span.</param>
internal sealed record MonitorPhaseResult(
    PumpResult Pump,
    CallLedger Ledger,
    ProcessMemory? Memory,
    IReadOnlyList<(int Calls, ProcessMemory? Memory)> Checkpoints,
    int Logins,
    int Unauthorized,
    TimeSpan UserCpu,
    TimeSpan SystemCpu);
