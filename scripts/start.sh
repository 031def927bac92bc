#!/usr/bin/env bash
# Builds the programmer app and serves it from the classroom server (HTTP and WebSocket), printing
# the URL to open on this machine and the address other devices of a class join by. The records
# live in an embedded database under .itps-data/ unless DATABASE_URL names a PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
pnpm --reporter=append-only --filter @itps/programmer build >&2
export PORT="${PORT:-4173}"
exec node --import tsx apps/server/src/main.ts
