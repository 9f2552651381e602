namespace RenfieldSip.Benchmarks.Load;

internal sealed record RawPhaseResult(PumpResult Pump, RawReadResult Read, CallLedger Ledger);
