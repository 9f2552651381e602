#!/usr/bin/env bash
# Builds the monitor and this tool in Release and runs every load scenario 3 times (min/median/max at the end).
# Usage: RenfieldSip.Benchmarks/run-load.sh [extra `load` options, e.g. --calls 50000]
# With redis-server on PATH, a throwaway Redis on a free loopback port adds the "monitor+redis" latency row;
# it is started here and stopped by its PID. Everything listens on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build RenfieldSip.Benchmarks -c Release -nologo -v q
tool=RenfieldSip.Benchmarks/bin/Release/net10.0/RenfieldSip.Benchmarks.dll
out=${TMPDIR:-/tmp}/renfieldsip-load-$(date +%Y%m%dT%H%M%S).md

redis_args=()
redis_pid=
if command -v redis-server >/dev/null 2>&1; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no >/dev/null &
  redis_pid=$!
  trap 'kill "$redis_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis_args=(--redis "127.0.0.1:$port")
fi

dotnet "$tool" load all --runs 3 "${redis_args[@]}" "$@" | tee "$out"
echo "results: $out"
