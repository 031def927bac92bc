#!/usr/bin/env bash
# Builds the programmer app and serves it on 127.0.0.1, printing its URL.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
pnpm --reporter=append-only --filter @itps/programmer build >&2
PORT="${PORT:-4173}"
echo ""
echo "ITPS programmer (simulator, not for clinical use): http://127.0.0.1:$PORT/"
echo ""
exec pnpm --reporter=append-only --filter @itps/programmer exec vite preview --host 127.0.0.1 --port "$PORT" --strictPort
