#!/usr/bin/env python3
"""CPU per call by stage, from `perf script` of the NativeAOT monitor (see run-profile.sh and docs/PERFORMANCE.md).

Each sample goes to the innermost stack frame that belongs to a stage, matched by namespace; kernel and runtime
frames count for the managed code that called them, and a sample with no such frame goes by its thread's name.
Usage: perf script -i perf.data | profile-stages.py <CPU µs per call of that run>
"""
import collections
import sys

# Checked per frame from the innermost outwards; the first frame that matches any pattern decides.
STAGES = [
    ("HTTP client", ["System_Net_Http", "ServiceDiscovery", "RenfieldWebhookClient", "Microsoft_Extensions_Http"]),
    ("compose + JSON", ["RenfieldJsonContext", "NotificationComposer", "System_Text_Json", "RenfieldSip_Monitor_Notification_"]),
    ("logging", ["Microsoft_Extensions_Logging", "Microsoft_Extensions_Telemetry", "LoggerMessage", "_Log__"]),
    ("telemetry", ["OpenTelemetry", "System_Diagnostics_DiagnosticSource", "RenfieldSip_Monitor_Telemetry_"]),
    ("dedup", ["RenfieldSip_Monitor_Dedup_"]),
    ("history", ["RenfieldSip_Monitor_History_"]),
    ("lifecycle", ["RenfieldSip_Monitor_Lifecycle_"]),
    ("identify", ["PhoneNumbers", "RenfieldSip_Monitor_Identity_", "RenfieldSip_Monitor_Phonebooks_"]),
    ("announce", ["RenfieldSip_Monitor_Announcements_", "RenfieldSip_Monitor_Rules_"]),
    ("track", ["RenfieldSip_Monitor_Calls_"]),
    ("other AMI handlers (trunk, voice messages)", ["RenfieldSip_Monitor_Trunk_", "RenfieldSip_Monitor_Voicemail_"]),
    ("parse", ["RenfieldSip_Monitor_Ami_", "System_IO_Pipelines"]),
    ("socket I/O thread", ["SocketAsyncEngine", "System_Net_Sockets"]),
    ("thread pool: wait, spin, wake-up", ["LowLevelLifoSemaphore", "PortableThreadPool", "ThreadPoolWorkQueue",
                                          "Thread__Yield", "RhSpinWait", "LowLevelMonitor", "WaitSubsystem"]),
    ("GC", ["GCHeap", "gc_heap", "WKS__", "SVR__", "RhpGcAlloc", "RhpNewFast"]),
]


def classify(frames, thread):
    for frame in frames:
        for name, patterns in STAGES:
            if any(pattern in frame for pattern in patterns):
                return name
    if "SocketEng" in thread:
        return "socket I/O thread"
    if "Console" in thread:
        return "logging"
    if "TP Worker" in thread:
        return "thread pool: wait, spin, wake-up"
    return "other (runtime, kernel)"


def main():
    cpu_per_call = float(sys.argv[1]) if len(sys.argv) > 1 else 0.0
    counts = collections.Counter()
    thread, frames = None, []

    def flush():
        if thread is not None:
            counts[classify(frames, thread)] += 1

    for line in sys.stdin:
        if not line.strip():
            flush()
            thread, frames = None, []
        elif not line.startswith((" ", "\t")):
            thread, frames = line, []
        else:
            parts = line.strip().split(" ", 1)
            if len(parts) > 1:
                frames.append(parts[1])
    flush()

    total = sum(counts.values())
    if total == 0:
        sys.exit("no samples on stdin")
    print("| stage | share | µs per call |")
    print("|---|---:|---:|")
    for name, n in counts.most_common():
        print(f"| {name} | {100 * n / total:.1f} % | {cpu_per_call * n / total:.0f} |")
    print(f"{total} samples")


if __name__ == "__main__":
    main()
