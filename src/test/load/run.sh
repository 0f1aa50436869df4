#!/usr/bin/env bash
# Load run, side by side on one machine: the baseline's two floor endpoints (BaselineApplication: a fixed card; the
# same prefetch parsed with HAPI, then a fixed card) and ombc-cds patient-view, with a fresh hookInstance on every
# request (hook.lua). Both JVMs run with -Xmx256m. Each is warmed (the JIT needs it on 2 cores), then the endpoints
# are measured in interleaved rounds; one table with the ratios is printed at the end.
#
#   src/test/load/run.sh                      # defaults below; needs wrk (Debian: apt-get install wrk)
#   WARM=40 DURATION=20 ROUNDS=2 CONNECTIONS=4 REQUEST=src/test/load/full-chart.request.json src/test/load/run.sh
#
# Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
WARM=${WARM:-40}
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-2}
REQUEST=${REQUEST:-src/test/load/full-chart.request.json}
HEAP=${HEAP:--Xmx256m}

command -v wrk >/dev/null || { echo "wrk is missing (Debian/Ubuntu: apt-get install wrk)" >&2; exit 1; }
[ -f target/runtime-classpath.txt ] && [ -d target/classes ] || ./mvnw -B -q -o test-compile
CP="$ROOT/target/classes:$(cat target/runtime-classpath.txt)"
mkdir -p target/load/classes
javac -nowarn -cp "$CP" -d target/load/classes src/test/load/baseline/BaselineApplication.java
WORK=$(mktemp -d)
# start() runs in a command substitution (a subshell): each JVM's pid goes to a file, not to a shell variable.
cleanup() { for f in "$WORK"/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# start NAME CLASSPATH MAIN [ARGS...]: starts a JVM in $WORK/NAME, prints its port
start() {
  local name=$1 cp=$2 main=$3; shift 3
  mkdir -p "$WORK/$name"
  (cd "$WORK/$name" && exec java $HEAP -cp "$cp" "$main" --server.port=0 --spring.main.banner-mode=off \
      --logging.level.root=WARN --logging.level.org.springframework.boot.web.embedded.tomcat.TomcatWebServer=INFO \
      "$@" > "$WORK/$name.log" 2>&1) &
  echo $! > "$WORK/$name.pid"
  for _ in $(seq 1 600); do
    local port
    port=$(grep -oE 'Tomcat started on port [0-9]+' "$WORK/$name.log" | grep -oE '[0-9]+$' || true)
    if [ -n "$port" ]; then echo "$port"; return; fi
    sleep 0.5
  done
  echo "$name did not start; see $WORK/$name.log" >&2; exit 1
}

# The baseline reads no application.yml of ours (its own name), so it has no security, database or actuator port.
BASE_PORT=$(start baseline "$ROOT/target/load/classes:$CP" org.ombc.load.BaselineApplication \
    --spring.config.name=baseline)
OMBC_PORT=$(start ombc "$CP" org.ombc.cds.OmbcCdsApplication --spring.profiles.active=sandbox)
declare -A URL=(
  [fixed]="http://127.0.0.1:$BASE_PORT/fixed"
  [hapi-parse]="http://127.0.0.1:$BASE_PORT/hapi-parse"
  [ombc]="http://127.0.0.1:$OMBC_PORT/cds-services/ombc-patient-view"
)
ENDPOINTS=(fixed hapi-parse ombc)
METRICS="http://127.0.0.1:$OMBC_PORT/actuator/prometheus"
metric() { curl -s "$METRICS" | awk -v m="$1" '$1 == m { print int($2) }'; }

# wrk_run ENDPOINT SECONDS: prints "RESULT rps p50 p99 errors requests"
wrk_run() {
  REQUEST_FILE="$ROOT/$REQUEST" RUN_ID="$RANDOM$RANDOM" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" \
      -s src/test/load/hook.lua "${URL[$1]}" | grep '^RESULT'
}

# One request each first: a run whose answers are errors measures nothing.
for e in "${ENDPOINTS[@]}"; do
  code=$(sed 's/"hookInstance" *: *"[^"]*"/"hookInstance":"'"$(cat /proc/sys/kernel/random/uuid)"'"/' "$REQUEST" \
      | curl -s -o "$WORK/check.$e" -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary @- "${URL[$e]}")
  [ "$code" = 200 ] || { echo "$e answered $code: $(head -c 300 "$WORK/check.$e")" >&2; exit 1; }
done

echo "warming the baseline (${WARM}s) and ombc-cds (${WARM}s) ..." >&2
wrk_run fixed $((WARM / 2)) >/dev/null
wrk_run hapi-parse $((WARM / 2)) >/dev/null
wrk_run ombc "$WARM" >/dev/null

declare -A RPS P50 P99 ERR
QUEUE_MAX=0
for round in $(seq 1 "$ROUNDS"); do
  for e in "${ENDPOINTS[@]}"; do
    echo "round $round: $e (${DURATION}s) ..." >&2
    if [ "$e" = ombc ]; then
      ( while sleep 1; do metric ombc_audit_queue_depth; done ) > "$WORK/queue.$round" 2>/dev/null &
      SAMPLER=$!
    fi
    read -r _ rps p50 p99 err _ < <(wrk_run "$e" "$DURATION")
    if [ "$e" = ombc ]; then
      kill "$SAMPLER"; wait "$SAMPLER" 2>/dev/null || true
      q=$(sort -n "$WORK/queue.$round" | tail -1); QUEUE_MAX=$(( ${q:-0} > QUEUE_MAX ? ${q:-0} : QUEUE_MAX ))
    fi
    RPS[$e,$round]=$rps; P50[$e,$round]=$p50; P99[$e,$round]=$p99; ERR[$e,$round]=$err
  done
done
sleep 2
QUEUE_END=$(metric ombc_audit_queue_depth)
WRITES=$(metric ombc_audit_writes_total)
FAILURES=$(metric ombc_audit_failures_total)
# Label values hold spaces ("G1 Eden Space"): the value is the last field.
HEAP_USED=$(curl -s "$METRICS" | awk '/^jvm_memory_used_bytes\{area="heap"/ { s += $NF } END { printf "%d", s / 1048576 }')
STORE_SIZE=$(du -sm "$WORK/ombc/data" 2>/dev/null | cut -f1)

echo
echo "wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s per run, $ROUNDS interleaved rounds after ${WARM}s warm-up each; body $REQUEST; $HEAP"
echo
echo "| endpoint | round | requests/s | p50 | p99 | errors | vs fixed | vs hapi-parse |"
echo "|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  for e in "${ENDPOINTS[@]}"; do
    vf=$(awk -v a="${RPS[$e,$round]}" -v b="${RPS[fixed,$round]}" 'BEGIN { printf "%.2fx", a / b }')
    vh=$(awk -v a="${RPS[$e,$round]}" -v b="${RPS[hapi-parse,$round]}" 'BEGIN { printf "%.2fx", a / b }')
    echo "| $e | $round | ${RPS[$e,$round]} | ${P50[$e,$round]} ms | ${P99[$e,$round]} ms | ${ERR[$e,$round]} | $vf | $vh |"
  done
done
echo
echo "ombc-cds audit: queue depth max $QUEUE_MAX during the measured runs, $QUEUE_END at the end; $WRITES rows written," \
     "${FAILURES:-0} failed or dropped; heap used at the end ${HEAP_USED} MB; embedded store ${STORE_SIZE:-?} MB on disk"
