#!/usr/bin/env bash
# Spotify sync benchmark, several runs one after the other (each a fresh JVM on a fresh database), and their medians.
# Usage: bench/spotify/runs.sh RUNS <sqlite|postgres> [SpotifySyncBenchmark options, e.g. --users 1000 --minutes 10]
# PostgreSQL: SYNC_BENCH_PG_URL (default jdbc:postgresql://127.0.0.1:5432/bench_sync, create it with
# `createdb -h 127.0.0.1 -U postgres bench_sync`): a database of its own, as advisory locks are per database.
# Every run's RESULT line and `uptime` before/after go to target/bench-spotify.log; MEDIAN lines at the end.
# A run that prints no RESULT (e.g. Maven failing to start on a shared ~/.m2) is logged as FAILED and repeated, at
# most twice in all, so that RUNS results are collected when possible.
set -euo pipefail
runs=$1
db=$2
shift 2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export SYNC_BENCH_PG_URL=${SYNC_BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/bench_sync}
log=target/bench-spotify.log
mkdir -p target
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -o -Pbench test-compile
out=$(mktemp)
one=$(mktemp)
ok=0
failed=0
while [ "$ok" -lt "$runs" ] && [ "$failed" -le 2 ]; do
  i=$((ok + 1))
  echo "# run $i/$runs db=$db before: $(uptime)" | tee -a "$log"
  SKIP_BUILD=1 bench/spotify/run.sh "$db" "$@" > "$one" || true
  cat "$one"
  echo "# run $i/$runs db=$db after: $(uptime)" | tee -a "$log"
  if grep -q "^RESULT db=$db mode=spotify_sync " "$one"; then
    cat "$one" >> "$out"
    ok=$((ok + 1))
  else
    failed=$((failed + 1))
    echo "# run $i/$runs db=$db FAILED (no RESULT line; see target/bench-spotify/run-$db-*.out)" | tee -a "$log"
  fi
done
source bench/medians.sh
print_medians "$db" "$out" "$log" spotify_sync:cpu_seconds spotify_sync:heap_peak_used_mb \
  spotify_sync:heap_live_after_gc_max_mb spotify_sync:lag_p50_s spotify_sync:lag_p95_s spotify_sync:lag_p99_s \
  spotify_sync:lag_after2min_p95_s spotify_sync:served spotify_sync:stored spotify_sync:lost spotify_sync:doubled
rm -f "$out" "$one"
