#!/usr/bin/env bash
# Issue #19 items 2, 3, 5 from outside: HttpIngestBenchmark (bench/README.md) — a Tonearm server from its jar
# (SERVER_JVM, default -Xmx256m) fed through POST /api/v1/listens, with --rounds measurements per side in one run
# (their medians and same-run ratios are printed at the end).
# Usage: [SERVER_JVM="-Xmx256m …"] [SERVER_LAUNCHER=bin/tonearm] bench/scale/run.sh sqlite|postgres [options]
# SERVER_LAUNCHER=bin/tonearm starts the server through the launcher, with its default JVM options and MALLOC_ARENA_MAX
# (SERVER_JVM added after them), as an operator runs it: what issue #19 item 6 measures. Default: java -jar with
# SERVER_JVM only (the JVM's own defaults, G1), as the earlier figures were taken.
# PostgreSQL runs go to database bench_scale (created if missing): advisory locks are per database, so other
# benchmarks' loaders in database test cannot block this one (BENCH_PG_PORT picks another server, e.g. a second
# cluster with other settings). SKIP_BUILD=1 skips building the jar and the classes.
# The output (and the load average before and after) is appended to target/bench-scale.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
db=$1
shift
log=target/bench-scale.log
driver_jvm=${SCALE_BENCH_JVM:--Xmx2g}
server_jvm=${SERVER_JVM:--Xmx256m}
driver_jvm="$driver_jvm -Dbench.server.launcher=${SERVER_LAUNCHER:-java}"
if [ "$db" = postgres ]; then
  port=${BENCH_PG_PORT:-5432}
  psql -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname = 'bench_scale'" | grep -q 1 \
    || createdb -h 127.0.0.1 -p "$port" -U postgres bench_scale
  echo "# postgres port $port: shared_buffers=$(psql -h 127.0.0.1 -p "$port" -U postgres -tAc 'show shared_buffers')" \
    | tee -a "$log"
  driver_jvm="$driver_jvm -Dbench.pg.url=jdbc:postgresql://127.0.0.1:$port/bench_scale"
fi
if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -B -q -Pbench package -DskipTests
  ./mvnw -B -q -Pbench test-compile
fi
mkdir -p target
echo "# scale run $(date -u +%FT%TZ) nproc=$(nproc) launcher=${SERVER_LAUNCHER:-java} $(uptime)" | tee -a "$log"
./mvnw -B -q -Pbench exec:exec -Dbench.main=org.tonearm.bench.HttpIngestBenchmark -Dbench.jvm="$driver_jvm" \
    -Dbench.args="--db $db --server-jvm '$server_jvm' $*" 2>&1 \
  | grep --line-buffered -E '^(bench|catalog|server|base|RESULT|MEDIAN|NOTE|FAILED|pg_stat_activity|  +[0-9]|kept|Exception|Caused by|	at org.tonearm)' \
  | tee -a "$log"
echo "# end $(date -u +%FT%TZ) $(uptime)" | tee -a "$log"
