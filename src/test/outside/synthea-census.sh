#!/usr/bin/env bash
# The Synthea census of issue #25 (docs/outside-data.md): generate a population of women with Synthea 3.3.0
# (Apache-2.0, from Maven Central), send every person to the service built from this checkout, both as the
# POST /ombc/assessment Bundle and as the patient-view prefetch, and print what the service recognises against
# what Synthea recorded. Slow (about 2 s a person on 2 cores): not part of `verify`.
#
# Usage: src/test/outside/synthea-census.sh POPULATION SEED [WORK_DIR]
#   WORK_DIR (default: a new temporary folder) keeps Synthea's output, the service's log and its H2 files; a
#   WORK_DIR that already holds Synthea output for the same population and seed is reused.
# Environment: SYNTHEA_LIB (where Synthea's jars are kept, default ~/.cache/ombc-cds/synthea-3.3.0),
#   MVN_FLAGS (default "-B -q"; add -o to stay offline once the dependencies are in the local repository).
set -euo pipefail
pop=${1:?usage: synthea-census.sh POPULATION SEED [WORK_DIR]}
seed=${2:?usage: synthea-census.sh POPULATION SEED [WORK_DIR]}
work=${3:-$(mktemp -d)}
mkdir -p "$work" && work=$(cd "$work" && pwd)
root=$(cd "$(dirname "$0")/../../.." && pwd)
lib=${SYNTHEA_LIB:-$HOME/.cache/ombc-cds/synthea-3.3.0}
mvn_flags=${MVN_FLAGS:--B -q}
cd "$root"

# 1. Synthea 3.3.0 and its dependencies, from Maven Central, once.
if [ ! -f "$lib/synthea-3.3.0.jar" ]; then
  mkdir -p "$lib"
  pom=$(mktemp -d)
  cat > "$pom/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>local</groupId><artifactId>synthea-census</artifactId><version>1</version>
<dependencies><dependency><groupId>org.mitre.synthea</groupId><artifactId>synthea</artifactId>
<version>3.3.0</version></dependency></dependencies></project>
POM
  ./mvnw $mvn_flags -f "$pom/pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib"
fi

# 2. The population: women aged 45-85, only the breast cancer modules, one FHIR R4 Bundle per person.
out="$work/synthea"
if [ -f "$out/seed" ] && [ "$(cat "$out/seed")" = "$pop $seed" ] && ls "$out"/output/fhir/*.json >/dev/null 2>&1; then
  echo "Reusing the Synthea population in $out" >&2
else
  rm -rf "$out" && mkdir -p "$out"
  (cd "$out" && java -Xmx2g -cp "$lib/*" App -s "$seed" -cs "$seed" -p "$pop" -g F -a 45-85 -m "breast_cancer*" \
    --exporter.fhir.export=true --exporter.hospital.fhir.export=false \
    --exporter.practitioner.fhir.export=false --exporter.years_of_history=0 Massachusetts > synthea.log 2>&1)
  echo "$pop $seed" > "$out/seed"
fi

# 3. The service and the census client (test classes), built from this checkout.
./mvnw $mvn_flags package -DskipTests dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" \
  -Dmdep.includeScope=test

# 4. The service on a free loopback port, sandbox profile (no caller authentication), stopped on exit.
mkdir -p "$work/service"
(cd "$work/service" && exec java -jar "$root/target/ombc-cds.jar" --spring.profiles.active=sandbox \
  --server.port=0 --server.address=127.0.0.1 > service.log 2>&1) &
service=$!
trap 'kill "$service" 2>/dev/null || true' EXIT
port=
for _ in $(seq 1 300); do
  port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$work/service/service.log" | head -1)
  [ -n "$port" ] && break
  kill -0 "$service" 2>/dev/null || { echo "The service did not start: $work/service/service.log" >&2; exit 1; }
  sleep 1
done
[ -n "$port" ] || { echo "The service did not start within 300 s: $work/service/service.log" >&2; exit 1; }

# 5. The census.
echo "Synthea 3.3.0, population $pop, seed $seed; checkout $(git rev-parse --short HEAD), service code as of" \
  "$(git log -1 --format=%h -- src/main fhir-profiles pom.xml) ($(date -u +%Y-%m-%d))"
echo
java -cp "target/test-classes:target/classes:$(cat "$work/classpath.txt")" org.ombc.cds.outside.SyntheaCensus \
  "$out/output/fhir" "http://127.0.0.1:$port"
