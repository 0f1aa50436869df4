#!/usr/bin/env bash
# Load run, side by side on one machine, one table: the floors (BaselineApplication: /fixed answers a fixed card;
# /hapi-parse parses the prefetch with HAPI, then answers it), the peer (HAPI FHIR's CDS Hooks module, 8.8.0, with
# one trivial service: src/test/load/peer, built here and nowhere else), ombc-cds patient-view in the sandbox
# profile, and, when SECURED=1, ombc-cds in the default (secured) profile on PostgreSQL with a fresh JWT per call.
# A fresh hookInstance on every request (hook.lua); every JVM runs with -Xmx256m. Each is warmed (the JIT needs it
# on 2 cores), then all are measured in interleaved rounds, each round also timing hapi-parse and the ombc sandbox
# at a fixed RATE (FixedRate.java: wrk cannot hold a rate).
#
#   src/test/load/run.sh        # defaults below; needs wrk (Debian/Ubuntu: apt-get install wrk)
#   WARM=20 DURATION=15 ROUNDS=1 SECURED=0 src/test/load/run.sh
#
# SECURED defaults to 1 when PostgreSQL answers at 127.0.0.1:5432 (trust auth for PGUSER, default postgres): a fresh
# database is created for the run and dropped at its end. Not part of ./mvnw verify.
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
RATE=${RATE:-50}
RATE_SECONDS=${RATE_SECONDS:-$DURATION}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
if [ -z "${SECURED:-}" ]; then
  SECURED=0; (exec 3<>"/dev/tcp/$PGHOST/$PGPORT") 2>/dev/null && SECURED=1
fi
SECURED_PORT=${SECURED_PORT:-18080}
# JWTs for the secured runs: one per call, each accepted once; more than the secured service can take in the
# warm-up and all rounds at SECURED_MAX_RPS (the run warns if a run went past the file's end).
SECURED_MAX_RPS=${SECURED_MAX_RPS:-800}
TOKENS=${TOKENS:-$(( (WARM + ROUNDS * DURATION) * SECURED_MAX_RPS ))}

command -v wrk >/dev/null || { echo "wrk is missing (Debian/Ubuntu: apt-get install wrk)" >&2; exit 1; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
LOAD_BEFORE=$(loadavg)
echo "load average before: $LOAD_BEFORE" >&2

[ -f target/runtime-classpath.txt ] && [ -d target/classes ] || ./mvnw -B -q -o test-compile
CP="$ROOT/target/classes:$(cat target/runtime-classpath.txt)"
mkdir -p target/load/classes
javac -nowarn -cp "$CP" -d target/load/classes src/test/load/baseline/BaselineApplication.java
echo "building the peer (src/test/load/peer/pom.xml) ..." >&2
./mvnw -B -q -f src/test/load/peer/pom.xml compile dependency:build-classpath \
    -Dmdep.outputFile="$ROOT/target/load/peer/classpath.txt"
PEER_CP="$ROOT/target/load/peer/classes:$(cat target/load/peer/classpath.txt)"

WORK=$(mktemp -d)
DB=""
# start() runs in a command substitution (a subshell): each JVM's pid goes to a file, not to a shell variable.
cleanup() {
  for f in "$WORK"/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$DB" ]; then psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -c "DROP DATABASE IF EXISTS $DB" || true; fi
}
trap cleanup EXIT

# start NAME PORTS CLASSPATH MAIN [ARGS...]: starts a JVM in $WORK/NAME, waits for PORTS Tomcat ports (2 when the
# actuator has its own), prints them
start() {
  local name=$1 count=$2 cp=$3 main=$4; shift 4
  mkdir -p "$WORK/$name"
  (cd "$WORK/$name" && exec java $HEAP -cp "$cp" "$main" --spring.main.banner-mode=off \
      --logging.level.root=WARN --logging.level.org.springframework.boot.web.embedded.tomcat.TomcatWebServer=INFO \
      "$@" > "$WORK/$name.log" 2>&1) &
  echo $! > "$WORK/$name.pid"
  for _ in $(seq 1 600); do
    local ports
    ports=$(grep -oE 'Tomcat started on port [0-9]+' "$WORK/$name.log" | grep -oE '[0-9]+$' | tr '\n' ' ' || true)
    if [ "$(echo "$ports" | wc -w)" -ge "$count" ]; then echo "$ports"; return; fi
    kill -0 "$(cat "$WORK/$name.pid")" 2>/dev/null || break
    sleep 0.5
  done
  echo "$name did not start; see $WORK/$name.log" >&2; tail -20 "$WORK/$name.log" >&2; exit 1
}

# The baseline reads no application.yml of ours (its own name), so it has no security, database or actuator port.
BASE_PORT=$(start baseline 1 "$ROOT/target/load/classes:$CP" org.ombc.load.BaselineApplication --server.port=0 \
    --spring.config.name=baseline)
PEER_PORT=$(start peer 1 "$PEER_CP" org.ombc.load.peer.PeerApplication --server.port=0)
OMBC_PORT=$(start ombc 1 "$CP" org.ombc.cds.OmbcCdsApplication --server.port=0 --spring.profiles.active=sandbox)
declare -A URL=(
  [fixed]="http://127.0.0.1:${BASE_PORT% }/fixed"
  [hapi-parse]="http://127.0.0.1:${BASE_PORT% }/hapi-parse"
  [peer]="http://127.0.0.1:${PEER_PORT% }/cds-services/peer-patient-view"
  [ombc]="http://127.0.0.1:${OMBC_PORT% }/cds-services/ombc-patient-view"
)
declare -A METRICS=([ombc]="http://127.0.0.1:${OMBC_PORT% }/actuator/prometheus")
ENDPOINTS=(fixed hapi-parse peer ombc)

if [ "$SECURED" = 1 ]; then
  DB="ombc_load_$(date +%s)_$$"
  psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -c "CREATE DATABASE $DB"
  URL[secured]="http://127.0.0.1:$SECURED_PORT/cds-services/ombc-patient-view"
  # The development issuer's keys now (the service reads its JWKS at start), the tokens once every JVM is up.
  java -cp "$CP" src/test/load/Tokens.java "$WORK/keys" "${URL[secured]}" 0 "$WORK/tokens.txt"
  SECURED_PORTS=$(start secured 2 "$CP" org.ombc.cds.OmbcCdsApplication --server.port="$SECURED_PORT" \
      --management.server.port=0 --ombc.public-base-url="http://127.0.0.1:$SECURED_PORT" \
      "--ombc.security.trusted-issuers[0].iss=ombc-dev-issuer" \
      "--ombc.security.trusted-issuers[0].jwks-file=$WORK/keys/jwks.json" \
      "--spring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/$DB" "--spring.datasource.username=$PGUSER" \
      "--spring.datasource.password=${PGPASSWORD:-}")
  read -r p1 p2 <<< "$SECURED_PORTS"
  METRICS[secured]="http://127.0.0.1:$([ "$p1" = "$SECURED_PORT" ] && echo "$p2" || echo "$p1")/actuator/prometheus"
  ENDPOINTS+=(secured)
  echo "making $TOKENS tokens ..." >&2
  java -cp "$CP" src/test/load/Tokens.java "$WORK/keys" "${URL[secured]}" "$TOKENS" "$WORK/tokens.txt"
fi
metric() { curl -s "${METRICS[$1]}" | awk -v m="$2" '$1 == m { printf "%d", $2 }'; }

# The next unused line of the tokens file (hook.lua counts from TOKEN_OFFSET + 1); the check below takes line 1.
NEXT_TOKEN=1
# wrk_run ENDPOINT SECONDS: wrk's output to $WORK/wrk.out, its RESULT line ("RESULT rps p50 p99 errors requests")
# to $WORK/result; run in this shell (not in a pipe or $(...)), so that NEXT_TOKEN moves on
wrk_run() {
  local e=$1 auth=()
  if [ "$e" = secured ]; then auth=(env TOKENS_FILE="$WORK/tokens.txt" TOKEN_OFFSET="$NEXT_TOKEN"); fi
  "${auth[@]}" env REQUEST_FILE="$ROOT/$REQUEST" RUN_ID="$RANDOM$RANDOM" THREADS="$THREADS" \
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" -s src/test/load/hook.lua "${URL[$e]}" > "$WORK/wrk.out"
  if [ "$e" = secured ]; then
    NEXT_TOKEN=$((NEXT_TOKEN + $(awk '$1 == "TOKENS_USED" { print $2 }' "$WORK/wrk.out")))
    [ "$NEXT_TOKEN" -le "$TOKENS" ] || echo "the secured run went past the tokens file's end: raise TOKENS" >&2
  fi
  grep '^RESULT' "$WORK/wrk.out" > "$WORK/result" || { echo "wrk gave no result:" >&2; cat "$WORK/wrk.out" >&2; exit 1; }
}

# One request each first: a run whose answers are errors measures nothing.
for e in "${ENDPOINTS[@]}"; do
  auth=()
  [ "$e" = secured ] && auth=(-H "Authorization: Bearer $(head -1 "$WORK/tokens.txt")")
  code=$(sed 's/"hookInstance" *: *"[^"]*"/"hookInstance":"'"$(cat /proc/sys/kernel/random/uuid)"'"/' "$REQUEST" \
      | curl -s -o "$WORK/check.$e" -w '%{http_code}' -X POST -H 'Content-Type: application/json' "${auth[@]}" \
          --data-binary @- "${URL[$e]}")
  [ "$code" = 200 ] || { echo "$e answered $code: $(head -c 300 "$WORK/check.$e")" >&2; exit 1; }
done

for e in "${ENDPOINTS[@]}"; do
  seconds=$WARM
  case $e in fixed|hapi-parse) seconds=$((WARM / 2)) ;; esac
  echo "warming $e (${seconds}s) ..." >&2
  wrk_run "$e" "$seconds"
done
# The fixed-rate client compiles its source once; its own 3 s warm-up at the rate is not counted.
mkdir -p target/load/fixed-rate
javac -nowarn -d target/load/fixed-rate src/test/load/FixedRate.java
fixed_rate() {
  java -cp target/load/fixed-rate FixedRate "${URL[$1]}" "$RATE" "$RATE_SECONDS" "$ROOT/$REQUEST" > "$WORK/fixed.out"
  grep '^FIXED' "$WORK/fixed.out" > "$WORK/result" || { echo "FixedRate gave no result:" >&2; cat "$WORK/fixed.out" >&2; exit 1; }
}

declare -A RPS P50 P99 ERR LOAD QMAX FP50 FP99 FMAX FERR FRATE
for round in $(seq 1 "$ROUNDS"); do
  for e in "${ENDPOINTS[@]}"; do
    echo "round $round: $e (${DURATION}s) ..." >&2
    if [ -n "${METRICS[$e]:-}" ]; then
      ( while sleep 1; do metric "$e" ombc_audit_queue_depth; echo; done ) > "$WORK/queue.$e.$round" 2>/dev/null &
      SAMPLER=$!
    fi
    wrk_run "$e" "$DURATION"
    read -r _ rps p50 p99 err _ < "$WORK/result"
    if [ -n "${METRICS[$e]:-}" ]; then
      kill "$SAMPLER"; wait "$SAMPLER" 2>/dev/null || true
      QMAX[$e,$round]=$(sort -n "$WORK/queue.$e.$round" | tail -1)
    fi
    RPS[$e,$round]=$rps; P50[$e,$round]=$p50; P99[$e,$round]=$p99; ERR[$e,$round]=$err; LOAD[$e,$round]=$(loadavg)
  done
  for e in hapi-parse ombc; do
    echo "round $round: $e at $RATE calls/s (${RATE_SECONDS}s) ..." >&2
    fixed_rate "$e"
    read -r _ rate p50 p99 max err _ < "$WORK/result"
    FRATE[$e,$round]=$rate; FP50[$e,$round]=$p50; FP99[$e,$round]=$p99; FMAX[$e,$round]=$max; FERR[$e,$round]=$err
  done
done
sleep 2
LOAD_AFTER=$(loadavg)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
echo
echo "wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s per run, $ROUNDS interleaved rounds after a warm-up (fixed and" \
     "hapi-parse $((WARM / 2))s, the others ${WARM}s); body $REQUEST, fresh hookInstance per call; $HEAP per JVM;" \
     "$(nproc) cores shared with wrk"
echo "load average before: $LOAD_BEFORE; after: $LOAD_AFTER"
echo
echo "| endpoint | round | requests/s | p50 | p99 | errors | vs peer | vs hapi-parse | load average after |"
echo "|---|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  for e in "${ENDPOINTS[@]}"; do
    echo "| $e | $round | ${RPS[$e,$round]} | ${P50[$e,$round]} ms | ${P99[$e,$round]} ms | ${ERR[$e,$round]} |" \
         "$(ratio "${RPS[$e,$round]}" "${RPS[peer,$round]}") | $(ratio "${RPS[$e,$round]}" "${RPS[hapi-parse,$round]}") |" \
         "${LOAD[$e,$round]} |"
  done
done
echo
echo "At a fixed $RATE calls/s (FixedRate.java: an open schedule, each call timed from when it was due), ${RATE_SECONDS}s each:"
echo
echo "| endpoint | round | calls/s | p50 | p99 | max | errors | p99 vs hapi-parse |"
echo "|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  for e in hapi-parse ombc; do
    echo "| $e | $round | ${FRATE[$e,$round]} | ${FP50[$e,$round]} ms | ${FP99[$e,$round]} ms | ${FMAX[$e,$round]} ms |" \
         "${FERR[$e,$round]} | $(ratio "${FP99[$e,$round]}" "${FP99[hapi-parse,$round]}") |"
  done
done
echo
for e in ombc secured; do
  [ -n "${METRICS[$e]:-}" ] || continue
  qmax=0
  for round in $(seq 1 "$ROUNDS"); do q=${QMAX[$e,$round]:-0}; qmax=$(( ${q:-0} > qmax ? ${q:-0} : qmax )); done
  # Label values hold spaces ("G1 Eden Space"): the value is the last field.
  heap=$(curl -s "${METRICS[$e]}" | awk '/^jvm_memory_used_bytes\{area="heap"/ { s += $NF } END { printf "%d", s / 1048576 }')
  echo "$e audit: queue depth max $qmax during the measured runs (sampled each second), $(metric "$e" ombc_audit_queue_depth)" \
       "at the end; $(metric "$e" ombc_audit_writes_total) rows written, $(metric "$e" ombc_audit_failures_total) failed or" \
       "dropped; heap used at the end $heap MB"
done
echo "ombc (sandbox) embedded store: $(du -sm "$WORK/ombc/data" 2>/dev/null | cut -f1) MB on disk"
if [ "$SECURED" = 1 ]; then
  echo "secured: PostgreSQL database $DB (dropped now), $((NEXT_TOKEN - 1)) of $TOKENS tokens used"
else
  echo "secured profile not run (SECURED=0, or no PostgreSQL at $PGHOST:$PGPORT)"
fi
