#!/usr/bin/env bash
# CPU per call by stage: the NativeAOT monitor at 200 calls/s (Information logging, history and tracing on) after a
# 5,000-call warm-up, sampled by `perf record -F 499 -g` for 18 s of the paced phase; each sample is given to a stage
# by profile-stages.py. Needs perf (linux-perf), clang and zlib1g-dev for the publish.
# Usage: RenfieldSip.Benchmarks/run-profile.sh [path to a published NativeAOT RenfieldSip.Monitor]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out=${TMPDIR:-/tmp}/renfieldsip-profile
mkdir -p "$out"
monitor=${1:-}
if [[ -z "$monitor" ]]; then
  dotnet publish RenfieldSip.Monitor -c Release -r linux-x64 -p:PublishAot=true -nologo -v q -o "$out/aot"
  monitor=$out/aot/RenfieldSip.Monitor
fi
dotnet build RenfieldSip.Benchmarks -c Release -nologo -v q
tool=RenfieldSip.Benchmarks/bin/Release/net10.0/RenfieldSip.Benchmarks.dll

echo "== load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$tool" load paced --noise 10 --warmup 5000 --duration 25 --env Logging__LogLevel__Default=Information \
  --monitor "$monitor" > "$out/paced.log" 2>&1 &
load=$!

# The raw reader runs first; the monitor's process appears for the monitor phase, then 5,000 warm-up calls.
pid=
for _ in $(seq 1 240); do
  pid=$(pgrep -f "^$monitor" | head -1 || true)
  [[ -n "$pid" ]] && break
  sleep 0.5
done
[[ -n "$pid" ]] || { echo "the monitor did not start; see $out/paced.log"; kill "$load"; exit 1; }
sleep 6
perf record -F 499 -g -p "$pid" -o "$out/perf.data" -- sleep 18
wait "$load"

grep -E "monitor (user|kernel) CPU per call|identity event → webhook p50" "$out/paced.log" | grep -v '^|' || true
cpu=$(awk '/paced 200\/s\/monitor +monitor (user|kernel) CPU per call/ { sum += $(NF-1) } END { print sum }' "$out/paced.log")
echo "== CPU per call (user + kernel, with perf attached): $cpu µs"
perf script -i "$out/perf.data" 2>/dev/null | python3 RenfieldSip.Benchmarks/profile-stages.py "$cpu"
