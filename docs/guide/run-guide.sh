#!/usr/bin/env bash
# Follows docs/SIP_INTEGRATION.md to the letter, against stand-ins: runs its marked blocks in order, so the guide
# and this test cannot drift apart.
#
#   <!-- guide:step -->  the next ```sh block runs as written (one bash, so "cd" carries over to the next step)
#   <!-- guide:env -->   the next block's KEY=VALUE lines go into ~/RenfieldSip/.env, as a reader types them there
#   <!-- guide:phone --> the reader calls their number: here the stand-in provider places a call
#
# What the guide leaves to the reader is stood in for: HOME is a fresh directory; ~/renfield is a Renfield-like
# compose project (docs/guide/renfield-standin: "backend" on port 8000, its own renfield-network, env_file .env);
# the provider is sipp (RenfieldSip.Tests/Sip/Scenarios) on the docker0 address. The guide's placeholders become
# the stand-ins' values (table below). "git clone" clones this repository's HEAD.
#
#   bash docs/guide/run-guide.sh      exit 0: the test call and a real call were announced; 77: a prerequisite is
#                                     missing (named); anything else: the failing step is named.
# Run it under the Docker tier's lock (fixed port 5060, fixed container names):
#   flock /tmp/renfieldsip-docker.lock bash docs/guide/run-guide.sh
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
guide=$repo/docs/SIP_INTEGRATION.md
scenarios=$repo/RenfieldSip.Tests/Sip/Scenarios
docker_host=172.17.0.1

skip() { echo "SKIP: $*"; exit 77; }
say() { printf '\n=== %s\n' "$*"; }

command -v docker >/dev/null || skip "no docker CLI on PATH"
docker info >/dev/null 2>&1 || skip "no Docker engine answers (start dockerd)"
command -v sipp >/dev/null || skip "sipp is not installed (apt-get install sip-tester)"
busybox=$(command -v busybox) || skip "busybox is not installed (apt-get install busybox); the Renfield stand-in answers HTTP with it"
command -v openssl >/dev/null || skip "openssl is not installed"
command -v git >/dev/null || skip "git is not installed"
if docker compose version >/dev/null 2>&1; then
  compose_v2=1
elif command -v docker-compose >/dev/null; then
  compose_v2=0
else
  skip "neither 'docker compose' (v2) nor docker-compose (v1) is installed"
fi
for image in andrius/asterisk:20.18.2_debian-trixie docker.io/library/redis:8.6 mcr.microsoft.com/dotnet/sdk:10.0 \
             mcr.microsoft.com/dotnet/runtime-deps:10.0 local/debian:bookworm; do
  docker image inspect "$image" >/dev/null 2>&1 || skip "the image $image is not present (build the stand-ins: bash ../shared/images/build.sh)"
done
for name in renfield-asterisk renfield-sip-monitor renfield-sip-redis; do
  if docker container inspect "$name" >/dev/null 2>&1; then
    echo "FAIL: a container named $name already exists; the guide's compose project would collide with it" >&2
    exit 1
  fi
done

work=$(mktemp -d /tmp/renfieldsip-guide.XXXXXX)
home=$work/home
mkdir -p "$home"
renfield_port=$((20000 + RANDOM % 10000))
sip_port=$((30000 + RANDOM % 10000))
sipp_pid=

compose() {
  if [ "$compose_v2" = 1 ]; then docker compose "$@"; else docker-compose "$@"; fi
}

cleanup() {
  local status=$?
  say "cleanup"
  if [ -d "$home/RenfieldSip" ]; then
    (cd "$home/RenfieldSip" && HOME=$home compose --profile sip down -v --remove-orphans) || true
  fi
  if [ -d "$home/renfield" ]; then
    (cd "$home/renfield" && compose down -v --remove-orphans) || true
  fi
  [ -n "$sipp_pid" ] && kill "$sipp_pid" 2>/dev/null || true
  # The stand-in backend writes its state as root inside the container.
  docker run --rm -v "$work:/work" local/debian:bookworm rm -rf /work/home >/dev/null 2>&1 || true
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

export RENFIELD_PORT=$renfield_port BUSYBOX=$busybox
# compose v1 builds through the docker CLI's BuildKit unless told otherwise, which needs the buildx plugin; the
# monitor's Dockerfile uses no BuildKit feature, so the engine's own builder builds the same image.
export COMPOSE_DOCKER_CLI_BUILD=0 DOCKER_BUILDKIT=0

say "stand-in: Renfield in ~/renfield (backend on 127.0.0.1:$renfield_port), as Renfield's own compose project"
mkdir -p "$home/renfield/state"
cp "$repo/docs/guide/renfield-standin/docker-compose.yml" "$repo/docs/guide/renfield-standin/handler.sh" "$home/renfield/"
# Kept as renfield.env in the repository: a file named .env is git-ignored and would be missing from a clone.
cp "$repo/docs/guide/renfield-standin/renfield.env" "$home/renfield/.env"
(cd "$home/renfield" && compose up -d)

say "stand-in: the SIP provider's registrar (sipp) at $docker_host:$sip_port"
sipp -sf "$scenarios/provider-registrar.xml" -i "$docker_host" -p "$sip_port" \
  -key user standin-user -key pass standin-pass -key expires 300 \
  -trace_logs -log_file "$work/registrar.log" -nostdin >/dev/null 2>&1 &
sipp_pid=$!

# Placeholders in the guide and what stands in for them here.
substitute() {
  sed -e "s#RENFIELDSIP-ADRESSE#$repo#g" \
      -e "s#IHRE-SIP-ID#standin-user#g" \
      -e "s#IHR-SIP-PASSWORT#standin-pass#g" \
      -e "s#sipconnect\.sipgate\.de#$docker_host:$sip_port#g" \
      -e "s#localhost:8000#127.0.0.1:$renfield_port#g"
}

# Sets KEY=VALUE in ~/RenfieldSip/.env where the reader would: on the KEY= line, or on its commented "# KEY=" line.
guide_env() {
  local key=$1 value=$2 file=$HOME/RenfieldSip/.env
  if [ "$value" = DER-TOKEN-AUS-RENFIELD ]; then
    value=$(cat "$HOME/renfield/state/token")
  fi
  grep -Eq "^#? ?$key=" "$file" || { echo "FAIL: .env.example has no line $key=" >&2; return 1; }
  local escaped=${value//\\/\\\\}
  escaped=${escaped//&/\\&}
  escaped=${escaped//#/\\#}
  sed -i -E "0,/^#? ?$key=.*/s##$key=$escaped#" "$file"
}

# The reader's phone call: one INVITE from "Max Mustermann" (+49 170 1234567, in the example phonebook) on the
# line Asterisk registered, through the published port 5060.
guide_phone() {
  local line
  timeout 180 sh -c "until grep -q 'REGISTERED ' '$work/registrar.log' 2>/dev/null; do sleep 1; done" \
    || { echo "FAIL: Asterisk never registered at the stand-in provider" >&2; return 1; }
  line=$(grep -o 'REGISTERED [A-Za-z0-9]*' "$work/registrar.log" | tail -n 1 | cut -d' ' -f2)
  printf 'SEQUENTIAL\n+491701234567;Max Mustermann;+4930123456\n' > "$work/call.csv"
  sipp 127.0.0.1:5060 -sf "$scenarios/provider-invite.xml" -inf "$work/call.csv" \
    -key ruri "sip:+4930123456@127.0.0.1:5060;line=$line" -i 127.0.0.1 -p $((sip_port + 1)) -m 1 -nostdin \
    >/dev/null 2>&1 || { echo "FAIL: the provider's INVITE was not answered 100/180 and cancelled cleanly" >&2; return 1; }
  timeout 60 sh -c "until grep -q 'Anruf von Max Mustermann' '$HOME/renfield/state/webhook.log' 2>/dev/null; do sleep 0.2; done" \
    || { echo "FAIL: Renfield's webhook never got „Anruf von Max Mustermann“" >&2; return 1; }
  echo "GUIDE: git clone to the first announced call: $(( $(date +%s) - clone_started )) s"
}

# The guide's marked blocks, in order, as one script.
script=$work/guide-steps.sh
{
  echo 'set -euo pipefail'
  [ "$compose_v2" = 1 ] || echo 'docker() { if [ "$1" = compose ]; then shift; docker-compose "$@"; else command docker "$@"; fi; }'
  awk -v q="'" '
    /^<!-- guide:(step|env) -->$/ { mark = $0; sub(/^<!-- guide:/, "", mark); sub(/ -->$/, "", mark); armed = 1; next }
    /^<!-- guide:phone -->$/      { steps++; printf "echo; echo \"### step %d (phone): a call from the provider, +$(( $(date +%%s) - clone_started )) s\"\nguide_phone\n", steps; next }
    armed && /^```/ && !inside    { inside = 1; steps++; body = ""; printf "echo; echo \"### step %d (%s, line %d), +$(( $(date +%%s) - clone_started )) s\"\n", steps, mark, NR; next }
    inside && /^```/              {
      inside = 0; armed = 0
      # The block as the reader sees it, then the block itself.
      if (mark == "step") printf "cat <<\"GUIDE_STEP_TEXT\"\n%sGUIDE_STEP_TEXT\n%s", body, body
      next }
    inside && mark == "step"      { body = body $0 "\n"; next }
    inside && mark == "env" && /^[A-Z_]+=/ {
      line = $0; sub(/[ \t]+#.*$/, "", line); key = line; sub(/=.*/, "", key); value = line; sub(/^[^=]*=/, "", value)
      printf "echo %s%s=%s%s\nguide_env %s %s%s%s\n", q, key, value, q, key, q, value, q; next }
    armed && !inside && NF        { armed = 0 }
  ' "$guide" | substitute
} > "$script"

grep -q 'git clone' "$script" || { echo "FAIL: the guide has no marked git clone step" >&2; exit 1; }
grep -q 'guide_phone' "$script" || { echo "FAIL: the guide has no marked phone call" >&2; exit 1; }
echo "GUIDE: $(grep -c '^echo; echo "### step' "$script") marked steps"

say "the guide, step by step (HOME=$home)"
clone_started=$(date +%s)
export HOME=$home clone_started work sip_port scenarios
export -f guide_env guide_phone
export compose_v2
(cd "$HOME" && bash "$script")

# What the reader would see at Renfield: the test call and the real call, each with the token.
say "what Renfield received"
cat "$home/renfield/state/webhook.log"
grep -q '"title":"Anruf von Testanruf"' "$home/renfield/state/webhook.log" || { echo "FAIL: no „Testanruf“ reached Renfield" >&2; exit 1; }
grep -q '"title":"Anruf von Max Mustermann"' "$home/renfield/state/webhook.log" || { echo "FAIL: the call was not announced" >&2; exit 1; }
if docker container inspect renfield-sip-monitor >/dev/null 2>&1; then
  echo "FAIL: the guide's last step left the monitor running" >&2
  exit 1
fi
echo "GUIDE: passed"
