namespace RenfieldSip.Benchmarks.Load;

/// <param name="Checkpoints">Memory when the sink had seen each checkpoint's number of calls.</param>
/// <param name="Logins">AMI logins during the phase; more than one means the monitor reconnected.</param>
internal sealed record MonitorPhaseResult(
    PumpResult Pump,
    CallLedger Ledger,
    ProcessMemory? Memory,
    IReadOnlyList<(int Calls, ProcessMemory? Memory)> Checkpoints,
    int Logins,
    int Unauthorized);
