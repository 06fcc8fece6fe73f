#!/usr/bin/env bash
# Runs the statistics benchmark (issue 11 item 9) several times, each in a fresh JVM on a fresh database, and prints
# the medians. Usage:
#   bench/stats/run.sh RUNS sqlite|postgres [StatsBenchmark options, e.g. --listens 1000000 --requests 200]
#   bench/stats/run.sh RUNS sqlite|postgres --mode ingest-ratio [IngestBenchmark options]
# The JVM flags come from STATS_BENCH_JVM (default -Xmx256m, the issue's heap check; a run that runs out of memory
# exits and is counted). Every run's lines (with the load average) are appended to target/bench-stats.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
runs=$1
db=$2
shift 2
jvm=${STATS_BENCH_JVM:--Xmx256m -XX:+ExitOnOutOfMemoryError}
log=target/bench-stats.log
./mvnw -B -q -Pbench test-compile
mkdir -p target
out=$(mktemp)
failed=0
for i in $(seq 1 "$runs"); do
  echo "# run $i/$runs $(date -u +%FT%TZ) $(uptime) jvm=$jvm" | tee -a "$log"
  ./mvnw -B -q -Pbench exec:exec -Dbench.main=org.tonearm.bench.StatsBenchmark -Dbench.jvm="$jvm" \
    -Dbench.args="--db $db $*" 2>&1 \
    | grep -E '^(bench |catalog|warm-up|loaded|RESULT|ERROR|NOTE|Exception|Caused by|Terminating due to)' \
    | tee -a "$log" "$out" || failed=$((failed + 1))
done
echo "runs=$runs failed_or_out_of_memory=$failed$(grep -c 'OutOfMemoryError' "$out" | sed 's/^/ oom_lines=/')" | tee -a "$log"
source bench/medians.sh
if [[ " $* " == *" --mode ingest-ratio "* ]]; then
  print_medians "$db" "$out" "$log" funnel_rollups:rate funnel_no_rollups:rate ingest_ratio:rollups_over_off
else
  # every view × range: the medians of its p50/p95/p99, of the baseline's p95 and of the ratio
  pairs=()
  for mode in $(grep -oE "^RESULT db=$db mode=[a-z_]+_(7d|30d|365d|all_time) " "$out" | awk '{print $3}' | sed 's/mode=//' | sort -u); do
    pairs+=("$mode:p50" "$mode:p95" "$mode:p99" "$mode:baseline_p95" "$mode:ratio")
  done
  medians=$(print_medians "$db" "$out" "$log" "${pairs[@]}")
  echo "$medians"
  # the targets on the medians: ratio ≤ 0.05 over 365d and all_time, ≤ 1 everywhere
  echo "$medians" | awk '/ ratio=/ {
      sub(/^mode=/, "", $3); v = $5; sub(/^ratio=/, "", v)
      if (($3 ~ /_365d$/ || $3 ~ /_all_time$/) && v + 0 > 0.05) { long++; misses = misses " " $3 }
      if (v + 0 > 1) { slow++; slower = slower " " $3 }
    }
    END { printf "CHECK medians: long_range_misses=%d slower_than_baseline=%d verdict=%s%s%s\n", long, slow,
          (long + slow == 0 ? "PASS" : "FAIL"), (misses ? " misses:" misses : ""), (slower ? " slower:" slower : "") }' \
    | tee -a "$log"
fi
rm -f "$out"
