#!/usr/bin/env bash
# ListenBrainz API load benchmark (issue #5 item 9): starts Tonearm from target/tonearm.jar on a fresh database,
# creates 32 users with API tokens, then runs ListenBrainzLoad.java:
#   single: 32 connections × `single` submissions for 60 s (after 10 s warm-up)  — target ≥ 2,000 listens/s, p99 < 20 ms
#   import: 4 connections × `import` requests of 1,000 listens for 60 s           — target ≥ 50,000 listens/s
# Usage: bench/listenbrainz/run.sh <runs> <sqlite|postgres> [single|import|both] [seconds]
# Build first: ./mvnw -B -q package -DskipTests. Results: target/bench-listenbrainz.log (RESULT lines + load).
set -euo pipefail
RUNS=${1:-3}
DB=${2:-sqlite}
MODES=${3:-both}
SECONDS_PER_RUN=${4:-60}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
PORT=$((20000 + RANDOM % 20000))
BASE=http://127.0.0.1:$PORT
DATA=$(mktemp -d /tmp/tonearm-lb-bench-XXXXXX)
LOG=$ROOT/target/bench-listenbrainz.log
mkdir -p "$ROOT/target"

DB_ARGS=()
SCHEMA=""
if [ "$DB" = postgres ]; then
  SCHEMA=lbbench_$(date +%s)
  psql -h 127.0.0.1 -U postgres -d test -qc "create schema $SCHEMA"
  DB_ARGS=(--tonearm.db.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" --tonearm.db.user=postgres --tonearm.db.password=)
fi

cleanup() {
  [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  [ -n "$SCHEMA" ] && psql -h 127.0.0.1 -U postgres -d test -qc "drop schema if exists $SCHEMA cascade" || true
  rm -rf "$DATA"
}
trap cleanup EXIT

"$JAVA" -Xms2g -Xmx2g ${SERVER_JVM:-} -jar "$ROOT/target/tonearm.jar" --server.port=$PORT --tonearm.data-dir="$DATA" \
  --tonearm.registration=open --tonearm.compat.listenbrainz.per-token-limit=1000000000 \
  --tonearm.rate-limit.per-token.capacity=1000000000 \
  --logging.level.root=warn "${DB_ARGS[@]}" > "$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
  curl -fs "$BASE/health/live" >/dev/null 2>&1 && break
  sleep 1
done

TOKENS=""
for i in $(seq 1 32); do
  user="bench$i$RANDOM"
  access=$(curl -fs -H 'Content-Type: application/json' -d "{\"username\":\"$user\",\"password\":\"bench password $user\"}" \
    "$BASE/api/v1/auth/register" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  token=$(curl -fs -H "Authorization: Bearer $access" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
    "$BASE/api/v1/me/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
  TOKENS="$TOKENS${TOKENS:+,}$token"
done

{
  echo "# $(date -u +%FT%TZ) db=$DB runs=$RUNS seconds=$SECONDS_PER_RUN nproc=$(nproc) load: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$LOG"
run=0
for mode in single import; do
  [ "$MODES" = both ] || [ "$MODES" = "$mode" ] || continue
  conns=32; [ $mode = import ] && conns=4
  for r in $(seq 1 "$RUNS"); do
    run=$((run + 1))
    "$JAVA" "$ROOT/bench/listenbrainz/ListenBrainzLoad.java" --base "$BASE" --tokens "$TOKENS" --mode $mode \
      --connections $conns --seconds "$SECONDS_PER_RUN" --warmup 10 --run $run \
      | sed "s/^RESULT /RESULT db=$DB load=$(cut -d' ' -f1 /proc/loadavg) /" | tee -a "$LOG"
  done
done
