namespace RenfieldSip.Benchmarks.Micro;

/// <summary>
/// SLOTS for the lead, to wire after merging the monitor branches (each becomes its own *Benchmarks.cs file with
/// [MemoryDiagnoser], per-event or per-call OperationsPerInvoke, and the corpus from <see cref="CaptureCorpus"/>):
/// <list type="number">
/// <item>AmiFrameReaderBenchmarks — the transport's TryParse(ref ReadOnlySequence&lt;byte&gt;, out frame) over
/// <see cref="CaptureCorpus.Stream"/> as one segment and cut into the recorded recv() chunks (Fixtures/ami/recv-timing):
/// events/s, bytes/s, B/event (target 0 for non-call events).</item>
/// <item>CallTrackingBenchmarks — the call tracker fed the load tool's stream (Load/CallStream: Newchannel, UserEvent,
/// 85 noise events, the three hangup events) through IAmiEventHandler.OnEvent: calls/s and B/call; state count after
/// the last Hangup must be 0.</item>
/// <item>PhonebookLookupBenchmarks — ICallerIdentifier for a known number, an unknown one (libphonenumber formatting),
/// a national one and "anonymous", over a 1,000-entry phonebook like the load tool's.</item>
/// <item>PayloadSerializationBenchmarks — the webhook body (RenfieldNotification) through the notification area's
/// System.Text.Json source-generated context: ns and B per payload.</item>
/// </list>
/// Deliberately no [Benchmark] here: a placeholder that measures nothing would print a figure that means nothing.
/// </summary>
internal static class PendingSlots;
