#!/usr/bin/env bash
# Load run of the secured (default) profile: a development issuer trusted (dev-keys), one fresh ES256 JWT and
# hookInstance per request (Tokens.java, hook.lua), embedded H2 unless DB_URL is set. Prints wrk's result after the
# warm-up and for the measured run, then the store's size on disk and the audit counters.
#
#   src/test/load/secured.sh          # WARM=40 DURATION=20 CONNECTIONS=4 TOKENS=60000 PORT=18080 HEAP=-Xmx256m
#
# Not part of ./mvnw verify. Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
WARM=${WARM:-40}; DURATION=${DURATION:-20}; CONNECTIONS=${CONNECTIONS:-4}; THREADS=${THREADS:-2}
TOKENS=${TOKENS:-60000}; PORT=${PORT:-18080}; HEAP=${HEAP:--Xmx256m}
REQUEST=${REQUEST:-src/test/load/full-chart.request.json}
command -v wrk >/dev/null || { echo "wrk is missing (Debian/Ubuntu: apt-get install wrk)" >&2; exit 1; }
[ -f target/runtime-classpath.txt ] && [ -d target/classes ] || ./mvnw -B -q -o test-compile
CP="$ROOT/target/classes:$(cat target/runtime-classpath.txt)"
WORK=$(mktemp -d)
URL="http://127.0.0.1:$PORT/cds-services/ombc-patient-view"
echo "making $TOKENS tokens ..." >&2
java -cp "$CP" src/test/load/Tokens.java "$WORK/keys" "$URL" "$TOKENS" "$WORK/tokens.txt"
DB_ARGS=()
[ -n "${DB_URL:-}" ] && DB_ARGS=("--spring.datasource.url=$DB_URL")
(cd "$WORK" && exec java $HEAP -cp "$CP" org.ombc.cds.OmbcCdsApplication --server.port="$PORT" \
    --management.server.port=0 --logging.level.root=WARN --ombc.public-base-url="http://127.0.0.1:$PORT" \
    "--ombc.security.trusted-issuers[0].iss=ombc-dev-issuer" \
    "--ombc.security.trusted-issuers[0].jwks-file=$WORK/keys/jwks.json" "${DB_ARGS[@]}" > "$WORK/ombc.log" 2>&1) &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -s -o /dev/null "http://127.0.0.1:$PORT/cds-services" && break; sleep 0.5; done
export REQUEST_FILE="$ROOT/$REQUEST" TOKENS_FILE="$WORK/tokens.txt" THREADS
# Warm-up and measured run draw on separate halves of the tokens.
echo "warm-up (${WARM}s):   $(TOKEN_OFFSET=0 RUN_ID=$RANDOM wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARM}s" \
    -s src/test/load/hook.lua "$URL" | grep '^RESULT')"
echo "measured (${DURATION}s): $(TOKEN_OFFSET=$((TOKENS / 2)) RUN_ID=$RANDOM wrk -t"$THREADS" -c"$CONNECTIONS" \
    -d"${DURATION}s" -s src/test/load/hook.lua "$URL" | grep '^RESULT')"
echo "(RESULT requests/s p50-ms p99-ms errors requests; tokens run out above $((TOKENS / 2)) requests per run)"
sleep 3
echo "store on disk: $(du -sm "$WORK/data" 2>/dev/null | cut -f1) MB; WARN/ERROR lines in the log: $(grep -c ' WARN \| ERROR ' "$WORK/ombc.log" || true)"
