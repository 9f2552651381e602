namespace RenfieldSip.Benchmarks.Load;

/// <param name="Ledger">Send and arrival of every call, sent one at a time after login.</param>
/// <param name="ToAlive">Process start → GET /alive answered.</param>
/// <param name="ToLogin">Process start → AMI login received by the server.</param>
/// <param name="CpuToLogin">User + kernel CPU of the monitor from its start to its login.</param>
/// <param name="CpuForCalls">User + kernel CPU of the monitor from its login to the last call's arrival.</param>
/// <param name="AtLogin">Memory right after the login.</param>
/// <param name="AfterCalls">Memory when the sink had seen the checkpoint's number of calls.</param>
/// <param name="AtEnd">Memory after the last call.</param>
internal sealed record ColdStartResult(
    CallLedger Ledger,
    TimeSpan ToAlive,
    TimeSpan ToLogin,
    TimeSpan CpuToLogin,
    TimeSpan CpuForCalls,
    ProcessMemory? AtLogin,
    ProcessMemory? AfterCalls,
    ProcessMemory? AtEnd,
    PumpResult Pump);
