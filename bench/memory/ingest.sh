#!/usr/bin/env bash
# Issue #19 item 6: one measurement of the resident set idle and under ingest, with where the memory goes.
# Starts bin/tonearm (its default JVM options and MALLOC_ARENA_MAX; JAVA_OPTS are added after them, default
# -Xmx256m) on a fresh SQLite data directory with registration open, samples VmRSS idle, then runs
# bench/memory/ingest_rss.py (LISTENS listens, default 200,000, 4 clients, batches of 1,000) against it, and right
# after the ingest prints Native Memory Tracking's summary, glibc's malloc statistics (jcmd System.native_heap_info:
# bytes in use vs kept free in the arenas) and the resident set by kind of mapping (smaps: Java heap, malloc arenas,
# thread stacks, files). Extra application arguments: ARGS="--tonearm.db.sqlite-cache-size=4MB".
# Usage: bench/memory/ingest.sh [LISTENS]        NMT= (empty) turns Native Memory Tracking off; ROUNDS=N ingests
# N times (a new user each), KEEP=DIR keeps the GC log and a class histogram.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
listens="${1:-200000}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jcmd="$(dirname "$java")/jcmd"
data="$(mktemp -d /tmp/tonearm-rss-XXXXXX)"
port=$(( 20000 + RANDOM % 20000 ))
log="$data/server.log"
nmt="${NMT--XX:NativeMemoryTracking=summary}"
JAVA_HOME="$(dirname "$(dirname "$java")")" JAVA_OPTS="$nmt -Xlog:gc:file=$data/gc.log ${JAVA_OPTS:--Xmx256m}" \
  "$here/bin/tonearm" --server.port=$port --tonearm.data-dir="$data" --tonearm.registration=open \
  --logging.level.root=warn ${ARGS:-} >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 480); do
  curl -fs "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { echo "server died"; tail -30 "$log"; exit 1; }
  sleep 0.5
done
sleep "${IDLE_SECONDS:-15}"
idle=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$pid/status)
echo "IDLE rss_mb=$idle load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
# ROUNDS=2: a first ingest (a new user each time) warms the JIT up, the last one's rate is the steady one
for round in $(seq 1 "${ROUNDS:-1}"); do
  python3 "$here/bench/memory/ingest_rss.py" "http://127.0.0.1:$port" $pid "$listens" \
    | sed "s/^RESULT/RESULT round=$round rss_idle_mb=$idle/"
done

# where the resident set is, right after the ingest (the peak is a few seconds before)
echo "--- smaps by mapping (MB resident)"
awk '
  /^[0-9a-f]+-[0-9a-f]+ / { split($1, r, "-"); size = (strtonum("0x" r[2]) - strtonum("0x" r[1])) / 1024;
                            name = (NF >= 6) ? $6 : "[anon]"; next }
  /^Rss:/ { kb = $2
            kind = name ~ /\.(jar|so)/ ? "files (.so/.jar)" : name ~ /^\// ? "other files" : name == "[heap]" ? "[heap] (malloc main arena)" :
                   name ~ /^\[stack/ ? "[stack]" : (size == 65536 || size == 131072) ? "anon 64 MB (malloc arenas, or heap)" :
                   "anon other (Java heap, metaspace, code, stacks)"
            rss[kind] += kb }
  END { for (k in rss) printf "  %-50s %6.1f\n", k, rss[k] / 1024 }' /proc/$pid/smaps | sort -k1,1
grep -E '^(Rss|Anonymous|Pss_File|Pss_Anon)' /proc/$pid/smaps_rollup | tr '\n' ' '; echo
if [[ -n "$nmt" ]]; then
  echo "--- NMT summary (committed MB)"
  "$jcmd" $pid VM.native_memory summary scale=MB | grep -E '^Total|^ *malloc:|^-  *[A-Za-z]' \
    | sed -E 's/\(reserved=[0-9]+MB, committed=([0-9]+)MB\)/committed=\1MB/' | tr -s ' ' | head -30
fi
echo "--- glibc malloc (System.native_heap_info): in use / free kept in arenas, MB"
"$jcmd" $pid System.native_heap_info | python3 -c '
import sys, re
x = sys.stdin.read()
tot = re.search(r"<total type=\"fast\" count=\"\d+\" size=\"(\d+)\"/>\s*<total type=\"rest\" count=\"\d+\" size=\"(\d+)\"/>\s*<total type=\"mmap\" count=\"\d+\" size=\"(\d+)\"/>\s*<system type=\"current\" size=\"(\d+)\"/>", x.split("</heap>")[-1])
heaps = len(re.findall(r"<heap nr=", x))
if tot:
    fast, rest, mmap, current = map(int, tot.groups())
    free = fast + rest
    print(f"  arenas={heaps} system_current={current/2**20:.1f} free_in_arenas={free/2**20:.1f} in_use={(current-free)/2**20:.1f} mmapped_chunks={mmap/2**20:.1f}")
else:
    print(x[-1500:])
'
echo "--- GC: collections, full collections, the largest heap after a collection and the largest committed (MB)"
grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)|Pause Full' "$data/gc.log" | awk -F'[>M(]' '
  /Full/ { full++; next } { n++; if ($3 + 0 > after) after = $3 + 0; if ($5 + 0 > cap) cap = $5 + 0 }
  END { printf "  gcs=%d full_gcs=%d heap_after_gc_max_mb=%d heap_capacity_max_mb=%d\n", n, full, after, cap }'
if [[ -n "${KEEP:-}" ]]; then  # keep the GC log and a class histogram of the heap after the ingest
  mkdir -p "$KEEP"; cp "$data/gc.log" "$KEEP/"; "$jcmd" $pid GC.class_histogram | head -25 >"$KEEP/histogram.txt"
fi
kill $pid; wait $pid 2>/dev/null || true
