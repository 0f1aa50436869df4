#!/usr/bin/env bash
# Side-by-side comparison of two builds of ombc-cds under the same load, on the same machine, at the same time:
# a baseline (classes compiled from another commit) and this checkout. Both run the sandbox profile with -Xmx256m
# and a JFR recording; they are loaded in turn (never at once), in interleaved rounds, with a fresh hookInstance
# per request (hook.lua). Prints per run: requests/s, p50, p99, errors, bytes allocated per call (the JVM's
# allocation counter, jvm_gc_memory_allocated_bytes_total, over the run), the JVM's CPU time per call (user +
# system from /proc, steadier than requests/s on a shared machine), and at the end each JVM's live set
# (heap used after a full collection) and the JFR files, whose allocation samples say what allocates.
#
#   BASE_CLASSES=/path/to/baseline/target/classes src/test/load/compare.sh   # BRANCH_CLASSES: a copy of this
#   checkout's target/classes, so that a build meanwhile does not change what runs
#   WARM=30 DURATION=30 ROUNDS=2 CONNECTIONS=4 PROFILE=sandbox HEAP=-Xmx256m
#
# The runtime classpath (target/runtime-classpath.txt) is shared: both builds must have the same dependencies.
# Not part of ./mvnw verify. Needs wrk and jcmd.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
: "${BASE_CLASSES:?set BASE_CLASSES to the target/classes of the baseline build}"
WARM=${WARM:-30}; DURATION=${DURATION:-30}; ROUNDS=${ROUNDS:-2}; CONNECTIONS=${CONNECTIONS:-4}; THREADS=${THREADS:-2}
PROFILE=${PROFILE:-sandbox}; HEAP=${HEAP:--Xmx256m}
REQUEST=${REQUEST:-src/test/load/full-chart.request.json}
command -v wrk >/dev/null || { echo "wrk is missing (Debian/Ubuntu: apt-get install wrk)" >&2; exit 1; }
[ -f target/runtime-classpath.txt ] && [ -d target/classes ] || ./mvnw -B -q -o test-compile
DEPS=$(cat target/runtime-classpath.txt)
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
cleanup() { for f in "$WORK"/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# start NAME CLASSES: starts a JVM in $WORK/NAME, prints its port and its management port
start() {
  local name=$1 classes=$2
  mkdir -p "$WORK/$name"
  (cd "$WORK/$name" && exec java $HEAP "-XX:StartFlightRecording=filename=$WORK/$name.jfr,settings=default,dumponexit=true" \
      -cp "$classes:$DEPS" org.ombc.cds.OmbcCdsApplication --spring.profiles.active="$PROFILE" --server.port=0 \
      --management.server.port=0 --spring.main.banner-mode=off --logging.level.root=WARN \
      --logging.level.org.springframework.boot.web.embedded.tomcat.TomcatWebServer=INFO > "$WORK/$name.log" 2>&1) &
  echo $! > "$WORK/$name.pid"
  for _ in $(seq 1 600); do
    local ports
    ports=$(grep -oE 'Tomcat started on port [0-9]+' "$WORK/$name.log" | grep -oE '[0-9]+$' | tr '\n' ' ' || true)
    if [ "$(echo "$ports" | wc -w)" -ge 2 ]; then echo "$ports"; return; fi
    sleep 0.5
  done
  echo "$name did not start; see $WORK/$name.log" >&2; exit 1
}

declare -A URL METRICS
for name in base branch; do
  classes=$([ "$name" = base ] && echo "$BASE_CLASSES" || echo "${BRANCH_CLASSES:-$ROOT/target/classes}")
  read -r p1 p2 < <(start "$name" "$classes")
  # The management server starts first (it has no dispatcher of the hooks): find which port answers the hook.
  for p in $p1 $p2; do
    if curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$p/cds-services" | grep -q 200; then
      URL[$name]="http://127.0.0.1:$p/cds-services/ombc-patient-view"
    else
      METRICS[$name]="http://127.0.0.1:$p/actuator/prometheus"
    fi
  done
done
metric() { curl -s "${METRICS[$1]}" | awk -v m="$2" '$1 == m { printf "%d", $2 }'; }

wrk_run() {
  REQUEST_FILE="$ROOT/$REQUEST" RUN_ID="$RANDOM$RANDOM" THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" \
      -s src/test/load/hook.lua "${URL[$1]}" | grep '^RESULT'
}

echo "warming (${WARM}s each) ..." >&2
wrk_run base "$WARM" >/dev/null
wrk_run branch "$WARM" >/dev/null

# CPU time of the JVM (user + system, /proc/PID/stat) per call: steadier than requests/s on a shared machine.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$(cat "$WORK/$1.pid")/stat"; }
TICKS=$(getconf CLK_TCK)
echo "| build | round | requests/s | p50 | p99 | errors | requests | KB allocated per call | CPU ms per call | load average |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  for name in base branch; do
    before=$(metric "$name" jvm_gc_memory_allocated_bytes_total)
    cpu_before=$(cpu_ticks "$name")
    read -r _ rps p50 p99 err requests < <(wrk_run "$name" "$DURATION")
    cpu_after=$(cpu_ticks "$name")
    sleep 1
    after=$(metric "$name" jvm_gc_memory_allocated_bytes_total)
    cpu=$(awk -v c=$((cpu_after - cpu_before)) -v n="$requests" -v t="$TICKS" 'BEGIN { printf "%.2f", c * 1000 / t / n }')
    per=$(awk -v a="$after" -v b="$before" -v n="$requests" 'BEGIN { printf "%.0f", (a - b) / n / 1024 }')
    echo "| $name | $round | $rps | $p50 ms | $p99 ms | $err | $requests | $per | $cpu | $(cut -d' ' -f1-3 /proc/loadavg) |"
  done
done
sleep 2
echo
for name in base branch; do
  pid=$(cat "$WORK/$name.pid")
  jcmd "$pid" GC.run >/dev/null
  live=$(jcmd "$pid" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  echo "$name: live set after a full collection $((live / 1024)) MB; audit queue $(metric "$name" ombc_audit_queue_depth); audit rows written $(metric "$name" ombc_audit_writes_total), failed $(metric "$name" ombc_audit_failures_total)"
  jcmd "$pid" JFR.dump name=1 filename="$WORK/$name.jfr" >/dev/null
done
echo "JFR recordings: $WORK/base.jfr $WORK/branch.jfr (jfr print --events jdk.ObjectAllocationSample ...)"
