#!/usr/bin/env bash
# End-to-end check of Tonearm's ListenBrainz API with the third-party npm client "listenbrainz" (1.0.4).
# Usage: e2e/listenbrainz/run.sh <base-url> <api-token>
#   base-url  e.g. http://127.0.0.1:3000 (a running Tonearm)
#   api-token a Tonearm personal API token with listens:write and listens:read (POST /api/v1/me/tokens)
# Prints one line per check and "N passed, N failed"; exits non-zero on any failure.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <base-url> <api-token>" >&2
  exit 2
fi
cd "$(dirname "$0")"
# the client comes from the npm registry, pinned by package-lock.json
npm ci --no-audit --no-fund --silent >/dev/null
exec node run.js "$1" "$2"
