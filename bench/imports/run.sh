#!/usr/bin/env bash
# Import benchmark (issue #4 item 9): a generated Spotify Extended Streaming History zip imported end to end through
# POST /api/v1/imports by a Tonearm server process limited to -Xmx256m, on a fresh database, then the same stored rows
# as a plain batched JDBC insert; RUNS fresh runs (new server, new databases each) and their medians.
# Usage: [SERVER_JVM="-Xmx256m …"] bench/imports/run.sh RUNS sqlite|postgres [--rows N] [more ImportBenchmark options,
#        see bench/README.md]
# Builds target/tonearm.jar and the bench classes first (SKIP_BUILD=1 skips that). The zip is generated once per
# --rows/--seed/--artists under target/bench-imports/ and reused. Every run's lines, with the machine's load average,
# are appended to target/bench-imports.log; server and GC logs are under target/bench-imports/logs/.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
runs=$1
db=$2
shift 2
log=target/bench-imports.log
# the driver's own JVM (generator, HTTP client, in-process baseline)
driver_jvm=${IMPORT_BENCH_JVM:--Xmx2g}
# the server's JVM flags (default -Xmx256m), e.g. SERVER_JVM="-Xmx256m -XX:StartFlightRecording=filename=/tmp/i.jfr"
server_jvm=${SERVER_JVM:--Xmx256m}
if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -B -q -Pbench package -DskipTests
fi
mkdir -p target
out=$(mktemp)
for i in $(seq 1 "$runs"); do
  echo "# import run $i/$runs $(date -u +%FT%TZ) nproc=$(nproc) $(uptime)" | tee -a "$log"
  # a failed run (an out-of-memory ends the server: exit 3) is logged and counted, and the next run goes on
  { ./mvnw -B -q -Pbench exec:exec -Dbench.main=org.tonearm.bench.ImportBenchmark -Dbench.jvm="$driver_jvm" \
      -Dbench.args="--db $db --server-jvm '$server_jvm' $*" 2>&1 || echo "FAILED: run $i exited with $?"; } \
    | grep -E '^(bench-import|export|server|progress|RESULT|NOTE|FAILED|errors|Exception|Caused by)' \
    | tee -a "$log" "$out" || true
done
# medians (lower middle for an even count)
source bench/medians.sh
print_medians "$db" "$out" "$log" import:rate import:job_rate import:peak_rss_mb import:heap_after_gc_max_mb \
  raw_jdbc:rate ratio:import_over_raw ratio:job_over_raw
ooms=$(grep -c "^RESULT db=$db mode=import .*oom=yes" "$out" || true)
echo "OOM db=$db runs_with_out_of_memory=$ooms" | tee -a "$log"
rm -f "$out"
