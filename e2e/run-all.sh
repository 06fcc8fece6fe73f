#!/usr/bin/env bash
# Builds (if needed) and starts Tonearm on a free port with a temporary data dir, registers a user, creates an API
# token through the native API, runs every e2e suite (currently e2e/lastfm/run.sh) against it, and stops the server
# on exit whatever happens. Exit status: non-zero on any failure.
#   e2e/run-all.sh            # uses target/tonearm.jar, building it when missing
#   TONEARM_JAR=/path/x.jar e2e/run-all.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR="${TONEARM_JAR:-$ROOT/target/tonearm.jar}"
if [[ ! -f "$JAR" ]]; then
  echo "building $JAR"
  ./mvnw -B -q -DskipTests package
fi

PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})')"
DATA_DIR="$(mktemp -d -t tonearm-e2e-XXXXXX)"
LOG="$DATA_DIR/tonearm.log"
BASE_URL="http://127.0.0.1:$PORT"
SERVER_PID=""

cleanup() {
  local status=$?
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ $status -ne 0 && -f "$LOG" ]]; then
    echo "---- last lines of the Tonearm log ----"; tail -n 60 "$LOG" || true
  fi
  rm -rf "$DATA_DIR"
  exit $status
}
trap cleanup EXIT INT TERM

echo "starting Tonearm on $BASE_URL (data dir $DATA_DIR)"
"$JAVA" -jar "$JAR" --server.port="$PORT" --tonearm.data-dir="$DATA_DIR" --tonearm.registration=open >"$LOG" 2>&1 &
SERVER_PID=$!

for i in $(seq 1 180); do
  if curl -fsS "$BASE_URL/health" 2>/dev/null | grep -q '"UP"'; then
    break
  fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "Tonearm exited before it was healthy"; exit 1
  fi
  if [[ $i -eq 180 ]]; then
    echo "Tonearm was not healthy after 180 s"; exit 1
  fi
  sleep 1
done

json() { node -e 'let d="";process.stdin.on("data",c=>d+=c).on("end",()=>{const v=process.argv[1].split(".").reduce((o,k)=>o&&o[k],JSON.parse(d));if(v===undefined){console.error("missing "+process.argv[1]+" in "+d);process.exit(1)}console.log(v)})' "$1"; }

export TONEARM_USER="e2e$(date +%s)"
export TONEARM_PASSWORD="e2e-password-$RANDOM-$RANDOM"
ACCESS="$(curl -fsS -X POST "$BASE_URL/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$TONEARM_USER\",\"password\":\"$TONEARM_PASSWORD\"}" | json access_token)"
export TONEARM_TOKEN="$(curl -fsS -X POST "$BASE_URL/api/v1/me/tokens" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $ACCESS" -d '{"name":"e2e"}' | json token)"
export BASE_URL

echo "== e2e/lastfm"
"$ROOT/e2e/lastfm/run.sh"
echo "all e2e suites passed"
