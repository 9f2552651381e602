#!/usr/bin/env bash
# Regenerates docs/images/dashboard-resources.png and dashboard-call-trace.png: runs the AppHost (Docker), a sipp
# registrar and one real SIP call, then photographs the Aspire dashboard with headless Chromium.
# Needs: Docker with the images the AppHost uses, sipp (apt-get install sip-tester), chromium (apt-get install
# chromium) and node + npm. The provider is the tests' own sipp scenarios (RenfieldSip.Tests/Sip/Scenarios).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scenarios="$root/RenfieldSip.Tests/Sip/Scenarios"
host_ip=172.17.0.1          # docker0: the Asterisk container reaches the registrar there
registrar_port=5070
work="$(mktemp -d)"
export PATH="/usr/local/bin:$PATH"

for tool in docker sipp chromium node npm; do
  command -v "$tool" >/dev/null || { echo "capture.sh: $tool is missing" >&2; exit 2; }
done
[ -d "$here/node_modules/playwright-core" ] || (cd "$here" && npm install --no-audit --no-fund --silent)

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done; done
  rm -rf "$work"
}
trap cleanup EXIT

# Renfield's webhook: answers every POST like Renfield does when it delivered the notification.
node -e 'require("http").createServer((q, s) => { q.resume(); q.on("end", () => { s.writeHead(200, {"content-type": "application/json"}); s.end("{\"notification_id\":1,\"status\":\"delivered\",\"delivered_to\":[]}"); }); }).listen(18000, "127.0.0.1")' &
pids+=($!)
sipp -sf "$scenarios/provider-registrar.xml" -i "$host_ip" -p "$registrar_port" -key user screenshot-user \
  -key pass screenshot-pass -key expires 300 -trace_logs -log_file "$work/registrar.log" -nostdin >/dev/null 2>&1 &
pids+=($!)

token="$(openssl rand -hex 16)"
api_key="$(openssl rand -hex 16)"
env "Parameters__sip-registrar=$host_ip:$registrar_port" 'Parameters__sip-username=screenshot-user' \
    'Parameters__sip-password=screenshot-pass' 'Parameters__webhook-url=http://127.0.0.1:18000/api/notifications/webhook' \
    'Parameters__webhook-token=screenshot-token' "ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN=$token" "AppHost__DashboardApiKey=$api_key" \
    dotnet run --project "$root/RenfieldSip.AppHost" >"$work/apphost.log" 2>&1 &
pids+=($!)

timeout 300 sh -c "until grep -q '^REGISTERED' '$work/registrar.log' 2>/dev/null; do sleep 1; done" || { echo "Asterisk did not register; AppHost log:"; tail -50 "$work/apphost.log"; exit 1; }
# The call needs the monitor's AMI login, which its logs in the dashboard show.
timeout 120 sh -c "until curl -sf -H 'x-api-key: $api_key' 'http://localhost:15200/api/telemetry/logs?resource=monitor' | grep -q 'Logged in to AMI'; do sleep 1; done" \
  || { echo "the monitor did not log in to AMI; AppHost log:"; tail -50 "$work/apphost.log"; exit 1; }
printf 'SEQUENTIAL\n+491701234567;Max Mustermann;+4930123456\n' >"$work/callers.csv"
line="$(grep '^REGISTERED' "$work/registrar.log" | tail -n 1 | awk '{print $2}')"
sipp 127.0.0.1:5060 -sf "$scenarios/provider-invite.xml" -inf "$work/callers.csv" -key ruri "sip:+4930123456@127.0.0.1:5060;line=$line" \
  -i 127.0.0.1 -p 5091 -m 1 -nostdin -timeout 30s >/dev/null

node "$here/capture.mjs" http://localhost:15200 "$token" "$api_key" "$root/docs/images"
