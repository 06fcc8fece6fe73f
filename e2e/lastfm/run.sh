#!/usr/bin/env bash
# Runs the Last.fm client-library end-to-end check against a running Tonearm.
# Contract (.ci/run): env BASE_URL, TONEARM_USER, TONEARM_PASSWORD, TONEARM_TOKEN; BASE_URL may also be $1.
set -euo pipefail
cd "$(dirname "$0")"
if [[ $# -ge 1 ]]; then
  export BASE_URL="$1"
fi
: "${BASE_URL:?BASE_URL is required (e.g. http://127.0.0.1:3000)}"
: "${TONEARM_USER:?TONEARM_USER is required}"
: "${TONEARM_TOKEN:?TONEARM_TOKEN is required}"
# the exact versions of package-lock.json, nothing else
npm ci --no-audit --no-fund --loglevel=error
node scrobble-e2e.js
