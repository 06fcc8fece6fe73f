#!/usr/bin/env bash
# Issue #19 item 6: the resident set of an idle Tonearm right after start, and where Native Memory Tracking says
# it goes. Usage: bench/memory/idle.sh [launcher] — launcher "jar" (java -jar, the JVM's defaults) or "bin" (bin/tonearm,
# its default JVM options and MALLOC_ARENA_MAX); JAVA_OPTS are added in both cases. Needs target/tonearm.jar.
# Prints RESULT launcher=… rss_mb=… hwm_mb=… and the NMT summary (committed MB per category).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
launcher="${1:-bin}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
data="$(mktemp -d /tmp/tonearm-idle-XXXXXX)"
port=$(( 20000 + RANDOM % 20000 ))
log="$data/server.log"
nmt="${NMT--XX:NativeMemoryTracking=summary}"
if [[ "$launcher" == jar ]]; then
  "$java" $nmt ${JAVA_OPTS:-} -jar "$here/target/tonearm.jar" --server.port=$port --tonearm.data-dir="$data" >"$log" 2>&1 &
else
  JAVA_HOME="$(dirname "$(dirname "$java")")" JAVA_OPTS="$nmt ${JAVA_OPTS:-}" \
    "$here/bin/tonearm" --server.port=$port --tonearm.data-dir="$data" >"$log" 2>&1 &
fi
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 480); do
  curl -fs "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { echo "server died"; tail -30 "$log"; exit 1; }
  sleep 0.5
done
sleep "${IDLE_SECONDS:-20}"   # idle: no request after the probe
rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status); hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
echo "RESULT launcher=$launcher rss_mb=$((rss / 1024)) hwm_mb=$((hwm / 1024)) java_opts=\"${JAVA_OPTS:-}\" load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
[[ -n "$nmt" ]] && "$(dirname "$java")/jcmd" $pid VM.native_memory summary scale=MB | grep -E '^Total|^-  *[A-Z]|committed=' | grep -E 'Total|^-' \
  | sed -E 's/\(reserved=[0-9]+MB, committed=([0-9]+)MB\)/committed=\1MB/' | head -30
