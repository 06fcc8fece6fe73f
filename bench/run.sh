#!/usr/bin/env bash
# Runs the ingest benchmark several times, each in a fresh JVM on fresh databases, and prints the medians.
# Usage: bench/run.sh RUNS sqlite|postgres [more IngestBenchmark options, e.g. --listens 1000000 --threads 2]
# Every run's lines (with the machine's load average) are appended to target/bench-results.log.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
runs=$1
db=$2
shift 2
log=target/bench-results.log
./mvnw -B -q -Pbench test-compile
mkdir -p target
out=$(mktemp)
for i in $(seq 1 "$runs"); do
  echo "# run $i/$runs $(date -u +%FT%TZ) $(uptime)" | tee -a "$log"
  ./mvnw -B -q -Pbench exec:exec -Dbench.args="--db $db $*" 2>&1 \
    | grep -E '^(bench |catalog|warm-up|RESULT|Exception|Caused by)' | tee -a "$log" "$out"
done
# median of the rate per mode
source bench/medians.sh
print_medians "$db" "$out" "$log" funnel:rate funnel:cpu_rate raw_jdbc:rate raw_jdbc:cpu_rate ratio:funnel_over_raw
rm -f "$out"
