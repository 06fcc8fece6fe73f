#!/usr/bin/env bash
# Spotify sync benchmark (issue #13 item 8): 1,000 connected users polled against a local fake Spotify.
# Usage: bench/spotify/run.sh <sqlite|postgres> [more SpotifySyncBenchmark options, e.g. --users 1000 --minutes 10]
# JVM: SYNC_BENCH_JVM (default -Xmx512m, a GC log and a JFR recording in target/bench-spotify/).
# Build first (or set SKIP_BUILD=1): ./mvnw -B -q -Pbench test-compile. Results: target/bench-spotify.log.
set -euo pipefail
DB=${1:-sqlite}
shift || true
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/target/bench-spotify
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
JVM=${SYNC_BENCH_JVM:-"-Xmx512m -XX:+ExitOnOutOfMemoryError -Xlog:gc:file=$OUT/gc-$DB-$STAMP.log -XX:StartFlightRecording=filename=$OUT/sync-$DB-$STAMP.jfr,settings=default"}
# PostgreSQL in a database of its own (advisory locks are per database): SYNC_BENCH_PG_URL=jdbc:postgresql://…/bench_sync
[ -n "${SYNC_BENCH_PG_URL:-}" ] && JVM="$JVM -Dbench.pg.url=$SYNC_BENCH_PG_URL"
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}  # exec:exec forks the JDK that runs Maven
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -o -Pbench test-compile
echo "# $(date -u +%FT%TZ) db=$DB nproc=$(nproc) load: $(cut -d' ' -f1-3 /proc/loadavg) jvm: $JVM" | tee -a "$ROOT/target/bench-spotify.log"
./mvnw -B -q -o -Pbench exec:exec -Dbench.main=org.tonearm.bench.SpotifySyncBenchmark -Dbench.jvm="$JVM" \
  -Dbench.args="--db $DB $*" 2>&1 | grep -v '^WARNING' | tee "$OUT/run-$DB-$STAMP.out" \
  | grep -E '^(RESULT|bench|connections|t=)' | tee -a "$ROOT/target/bench-spotify.log"
