#!/usr/bin/env bash
# Cold start, JIT and NativeAOT: builds the monitor (Release) and publishes it NativeAOT, then starts each one 10 times
# (`load coldstart --runs 10`): AMI login, then 100 calls one at a time; min/median/max of the 1st, 2nd, 10th and
# 100th call's AMI event → webhook arrival, time and CPU to login, RSS after 10 calls.
# Usage: RenfieldSip.Benchmarks/run-coldstart.sh [extra `load` options, e.g. --env DOTNET_TieredPGO=0]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

aot=${TMPDIR:-/tmp}/renfieldsip-coldstart-aot
dotnet build RenfieldSip.Benchmarks -c Release -nologo -v q
dotnet publish RenfieldSip.Monitor -c Release -r linux-x64 -p:PublishAot=true -nologo -v q -o "$aot"   # needs clang, zlib1g-dev
tool=RenfieldSip.Benchmarks/bin/Release/net10.0/RenfieldSip.Benchmarks.dll

echo "== JIT (load average $(cut -d' ' -f1-3 /proc/loadavg))"
dotnet "$tool" load coldstart --runs 10 --noise 10 "$@"
echo "== NativeAOT (load average $(cut -d' ' -f1-3 /proc/loadavg))"
dotnet "$tool" load coldstart --runs 10 --noise 10 --monitor "$aot/RenfieldSip.Monitor" "$@"
