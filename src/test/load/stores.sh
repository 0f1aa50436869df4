#!/usr/bin/env bash
# The embedded-store comparison of issue 26: the secured profile (a development issuer trusted, one fresh ES256 JWT
# and hookInstance per call, the full chart request, -Xmx256m) on each store in STORES, all at once (one JVM per
# store, ports PORT, PORT+10, ...), each driven at a FIXED rate (SecuredFixedRate.java, open loop) for MINUTES with tokens
# living TOKEN_SECONDS, so that the replay window (token lifetime + clock skew + purge interval) passes early in the
# run. Every minute: the store's size on disk, the calls answered so far and the machine's load average. Then, per
# store: heap used after a full GC (jcmd GC.run, then the jvm_memory_used_bytes metric), and a short saturated wrk
# run (CONNECTIONS connections, one store at a time, the other JVMs idle). Prints one row per store.
#
#   src/test/load/stores.sh                    # STORES="h2 sqlite postgresql" MINUTES=30 RATE=50 TOKEN_SECONDS=300
#   MINUTES=3 STORES=sqlite src/test/load/stores.sh
#
# Stores: h2 = application.yml's embedded default (file ./data/ombc.mv.db); sqlite = ./data/ombc.db (+ -wal, -shm),
# WAL and synchronous=FULL; postgresql = a database made fresh per run on PG_HOST:5432 (trust auth, user postgres),
# its size pg_database_size, with each table's pg_total_relation_size at the end (VACUUM once a minute when the
# server's autovacuum is off). Not part of ./mvnw verify.
# Needs wrk, jcmd, curl (and psql for postgresql).
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
STORES=${STORES:-h2 sqlite postgresql}
MINUTES=${MINUTES:-30}; RATE=${RATE:-50}; WARM_SECONDS=${WARM_SECONDS:-60}; LAST=${LAST:-10}
TOKEN_SECONDS=${TOKEN_SECONDS:-300}; CLOCK_SKEW=${CLOCK_SKEW:-60s}; PURGE=${PURGE:-60s}; RESPONSE_TTL=${RESPONSE_TTL:-30s}
SAT_SECONDS=${SAT_SECONDS:-20}; SAT_TOKENS=${SAT_TOKENS:-20000}; CONNECTIONS=${CONNECTIONS:-4}; THREADS=${THREADS:-2}
PORT=${PORT:-18100}; HEAP=${HEAP:--Xmx256m}; PG_HOST=${PG_HOST:-127.0.0.1}
REQUEST=${REQUEST:-src/test/load/full-chart.request.json}
for tool in wrk jcmd curl; do command -v $tool >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
[ -f target/runtime-classpath.txt ] && [ -d target/classes ] || ./mvnw -B -q -o test-compile
CP="$ROOT/target/classes:$(cat target/runtime-classpath.txt)"
WORK=${WORK:-$(mktemp -d)}; mkdir -p "$WORK"
echo "work directory: $WORK"
java -cp "$CP" src/test/load/Tokens.java "$WORK/keys" "http://unused" 0 /dev/null   # makes the key pair once

# The replay window: a seen jti is kept until its token's exp + clock skew, then deleted by the next purge (at most
# PURGE later); a retry answer lives RESPONSE_TTL. After WINDOW minutes nothing the run wrote is still within either.
seconds() { local v=$1; case $v in *ms) echo 1;; *s) echo "${v%s}";; *m) echo $((${v%m} * 60));; *) echo "$v";; esac; }
WINDOW=$(( (TOKEN_SECONDS + $(seconds "$CLOCK_SKEW") + $(seconds "$PURGE") + $(seconds "$RESPONSE_TTL") + 59) / 60 ))
echo "settings: rate $RATE calls/s for $MINUTES min; token lifetime ${TOKEN_SECONDS}s" \
    "(ombc.security.max-token-lifetime=${TOKEN_SECONDS}s), ombc.security.clock-skew=$CLOCK_SKEW," \
    "ombc.security.replay-purge-interval=$PURGE, ombc.hook-response-ttl=$RESPONSE_TTL -> replay window passed after" \
    "minute $WINDOW; growth compared over the last $LAST min; heap $HEAP"

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

size_of() { # STORE DIR: bytes on disk
  case $1 in
    h2) stat -c %s "$2/data/ombc.mv.db" 2>/dev/null || echo 0;;
    sqlite) cat "$2"/data/ombc.db* 2>/dev/null | wc -c;;
    postgresql) psql -h "$PG_HOST" -U postgres -d postgres -Atc "select pg_database_size('$(cat "$2/pgdb")')";;
  esac
}

AUTOVACUUM=on
case " $STORES " in *" postgresql "*)
  AUTOVACUUM=$(psql -h "$PG_HOST" -U postgres -d postgres -Atc "show autovacuum")
  if [ "$AUTOVACUUM" = off ]; then echo "PostgreSQL's autovacuum is off on $PG_HOST: VACUUM once a minute instead"; fi;;
esac
i=0
declare -A PID_OF PORT_OF URL_OF
for store in $STORES; do
  dir="$WORK/$store"; mkdir -p "$dir"; port=$((PORT + 10 * i)); i=$((i + 1))
  args=()
  case $store in
    h2) ;;  # application.yml's URL
    sqlite) args=("--spring.datasource.url=jdbc:sqlite:./data/ombc.db?journal_mode=WAL&synchronous=FULL&transaction_mode=IMMEDIATE&busy_timeout=10000");;
    postgresql)
      db="ombc_stores_$(date +%s)_$$"; echo "$db" > "$dir/pgdb"
      psql -h "$PG_HOST" -U postgres -d postgres -qc "create database $db" >/dev/null
      args=("--spring.datasource.url=jdbc:postgresql://$PG_HOST:5432/$db" "--spring.datasource.username=postgres"
            "--spring.datasource.password=");;
    *) echo "unknown store $store (h2, sqlite, postgresql)" >&2; exit 1;;
  esac
  (cd "$dir" && exec java $HEAP -cp "$CP" org.ombc.cds.OmbcCdsApplication --server.port="$port" \
      --management.server.port=$((port + 1)) --logging.level.root=WARN --ombc.public-base-url="http://127.0.0.1:$port" \
      "--ombc.security.trusted-issuers[0].iss=ombc-dev-issuer" \
      "--ombc.security.trusted-issuers[0].jwks-file=$WORK/keys/jwks.json" \
      --ombc.security.max-token-lifetime="${TOKEN_SECONDS}s" --ombc.security.clock-skew="$CLOCK_SKEW" \
      --ombc.security.replay-purge-interval="$PURGE" --ombc.hook-response-ttl="$RESPONSE_TTL" \
      "${args[@]}" > "$WORK/$store.log" 2>&1) &
  PID_OF[$store]=$!; PIDS+=("$!"); PORT_OF[$store]=$port
  URL_OF[$store]="http://127.0.0.1:$port/cds-services/ombc-patient-view"
done
for store in $STORES; do
  for _ in $(seq 1 240); do curl -s -o /dev/null "http://127.0.0.1:${PORT_OF[$store]}/cds-services" && break; sleep 0.5; done
  curl -sf -o /dev/null "http://127.0.0.1:${PORT_OF[$store]}/cds-services" || { echo "$store did not start: $WORK/$store.log" >&2; exit 1; }
done

CLIENTS=()
for store in $STORES; do
  echo "0 0" > "$WORK/$store.progress"
  java -cp "$CP" src/test/load/SecuredFixedRate.java "$WORK/keys" "${URL_OF[$store]}" "$ROOT/$REQUEST" "$RATE" \
      $((MINUTES * 60)) "$TOKEN_SECONDS" "$WARM_SECONDS" "$WORK/$store.progress" > "$WORK/$store.fixed" 2> "$WORK/$store.client.log" &
  CLIENTS+=("$!"); PIDS+=("$!")
done
# Samples: minute, calls answered, errors, bytes on disk, load average (1, 5, 15 min).
start=$(date +%s)
for minute in $(seq 0 "$MINUTES"); do
  while [ $(( $(date +%s) - start )) -lt $((minute * 60)) ]; do sleep 1; done
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  for store in $STORES; do
    echo "$minute $(cat "$WORK/$store.progress") $(size_of "$store" "$WORK/$store") $load" >> "$WORK/$store.samples"
    # A server with autovacuum off never reuses the space of deleted seen_jti and hook_response rows; VACUUM once a
    # minute stands in for it (a PostgreSQL in use runs autovacuum, which is on by default).
    if [ "$store" = postgresql ] && [ "$AUTOVACUUM" = off ]; then
      psql -h "$PG_HOST" -U postgres -d "$(cat "$WORK/$store/pgdb")" -qc vacuum
    fi
  done
  echo "minute $minute, load $load: $(for s in $STORES; do read -r _ ok bad bytes _ < <(tail -1 "$WORK/$s.samples")
      printf '%s %s calls (%s failed) %s MB; ' "$s" "$ok" "$bad" "$((bytes / 1048576))"; done)"
done
for c in "${CLIENTS[@]}"; do wait "$c" || true; done
for store in $STORES; do  # the last sample once every call has been answered
  echo "$MINUTES $(cat "$WORK/$store.progress") $(size_of "$store" "$WORK/$store") $(cut -d' ' -f1-3 /proc/loadavg)" >> "$WORK/$store.samples"
done

for store in $STORES; do
  jcmd "${PID_OF[$store]}" GC.run > /dev/null
  curl -s "http://127.0.0.1:$((PORT_OF[$store] + 1))/actuator/prometheus" \
    | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { s += $NF } END { printf "%.0f\n", s / 1048576 }' > "$WORK/$store.heap"
  if [ "$store" = postgresql ]; then
    psql -h "$PG_HOST" -U postgres -d "$(cat "$WORK/$store/pgdb")" -Atc "select c.relname, pg_total_relation_size(c.oid), \
        coalesce(s.n_live_tup, 0), coalesce(s.n_dead_tup, 0) from pg_class c left join pg_stat_user_tables s on s.relid = c.oid \
        where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace order by 2 desc" > "$WORK/$store.tables"
  fi
done
for store in $STORES; do
  tokens="$WORK/$store.sat-tokens"
  java -cp "$CP" src/test/load/Tokens.java "$WORK/keys" "${URL_OF[$store]}" "$SAT_TOKENS" "$tokens" "$TOKEN_SECONDS"
  REQUEST_FILE="$ROOT/$REQUEST" TOKENS_FILE="$tokens" THREADS=$THREADS TOKEN_OFFSET=0 RUN_ID=$RANDOM \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SAT_SECONDS}s" -s src/test/load/hook.lua "${URL_OF[$store]}" \
    | grep '^RESULT' > "$WORK/$store.saturated" || echo "RESULT ? ? ? ? ?" > "$WORK/$store.saturated"
  echo "$store saturated, load $(cut -d' ' -f1-3 /proc/loadavg): $(cat "$WORK/$store.saturated")"
done
if [ -f "$WORK/sqlite/data/ombc.db" ] && command -v sqlite3 >/dev/null; then
  echo "sqlite pages: $(sqlite3 -readonly "$WORK/sqlite/data/ombc.db" 'pragma page_count' 'pragma freelist_count' | paste -sd/) (all/free)"
fi

echo
echo "store: bytes on disk per call answered, minutes 1..$WINDOW (replay window filling) | minutes $((MINUTES - 2 * LAST))..$((MINUTES - LAST)) | the last $LAST; levels off = last $LAST min <= 2048 B/call and not above the $LAST before by more than 25%"
printf '%-11s %9s %7s %9s %9s %9s %10s %8s %8s %8s %6s %9s %s\n' store MB calls B/call-win B/call-prev B/call-last levels p50-ms p99-ms p999-ms heapMB sat-req/s errors
for store in $STORES; do
  read -r _ sent answered errors p50 p99 p999 max late < "$WORK/$store.fixed" || true
  read -r _ satrate _ _ saterr _ < "$WORK/$store.saturated" || true
  awk -v w="$WINDOW" -v m="$MINUTES" -v n="$LAST" -v store="$store" -v p50="$p50" -v p99="$p99" -v p999="$p999" \
      -v heap="$(cat "$WORK/$store.heap")" -v sat="$satrate" -v err="$errors/$saterr" '
    { c[$1] = $2; s[$1] = $4 }
    function per(a, b) { return (c[b] - c[a]) > 0 ? (s[b] - s[a]) / (c[b] - c[a]) : -1 }
    END {
      win = per(1, w); prev = (m - 2 * n >= w) ? per(m - 2 * n, m - n) : -1; last = per(m - n, m)
      levels = (last <= 2048 && (prev < 0 || last <= 1.25 * prev)) ? "yes" : "NO"
      printf "%-11s %9.1f %7d %9.0f %9.0f %9.0f %10s %8s %8s %8s %6s %9s %s\n", store, s[m] / 1048576, c[m], win, prev, last,
          levels, p50, p99, p999, heap, sat, err
    }' "$WORK/$store.samples"
done
echo "(errors: fixed-rate run / saturated run; samples with load average in $WORK/<store>.samples; client's own lag in $WORK/<store>.fixed)"
[ -f "$WORK/postgresql.tables" ] && { echo "postgresql tables (bytes, live rows, dead rows):"; column -t -s'|' "$WORK/postgresql.tables"; }
echo "WARN/ERROR lines in the logs: $(for s in $STORES; do printf '%s %s ' "$s" "$(grep -c ' WARN \| ERROR ' "$WORK/$s.log" || true)"; done)"
