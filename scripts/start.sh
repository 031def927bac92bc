#!/usr/bin/env bash
# Builds the programmer app and serves it from the classroom server (HTTP and WebSocket), printing
# the URL to open on this machine and the address other devices of a class join by. The records
# live in an embedded database under .itps-data/ unless DATABASE_URL names a PostgreSQL server.
#
# Install and build are skipped when nothing they read changed since the last start: a stamp (a
# hash of the lockfile and the package files, and of the app's sources and the packages it bundles)
# is kept beside what each made. ITPS_REBUILD=1 installs and builds all the same.
set -euo pipefail
cd "$(dirname "$0")/.."

# a hash of the files given (paths and contents; folders searched), or of nothing when absent
stamp_of() {
  find "$@" -type f -not -path '*/node_modules/*' -print0 2>/dev/null | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64
}
INSTALL_STAMP_FILE=node_modules/.itps-install-stamp
BUILD_STAMP_FILE=apps/programmer/dist/.itps-build-stamp
install_stamp="$(stamp_of pnpm-lock.yaml package.json pnpm-workspace.yaml apps/*/package.json packages/*/package.json)"
if [ "${ITPS_REBUILD:-0}" != 1 ] && [ -f "$INSTALL_STAMP_FILE" ] && [ "$(cat "$INSTALL_STAMP_FILE")" = "$install_stamp" ]; then
  export ITPS_SKIP_INSTALL=1
  echo "itps: dependencies unchanged since the last install; not installing" >&2
fi
source scripts/bootstrap.sh
echo "$install_stamp" > "$INSTALL_STAMP_FILE"

build_stamp="$(stamp_of pnpm-lock.yaml apps/programmer/src apps/programmer/index.html apps/programmer/vite.config.ts \
  apps/programmer/package.json apps/programmer/tsconfig.json packages/core/src packages/core/package.json \
  packages/scenarios/src packages/scenarios/training packages/scenarios/package.json)"
if [ "${ITPS_REBUILD:-0}" != 1 ] && [ -f "$BUILD_STAMP_FILE" ] && [ "$(cat "$BUILD_STAMP_FILE")" = "$build_stamp" ]; then
  echo "itps: the app is unchanged since its last build; not building" >&2
else
  pnpm --reporter=append-only --filter @itps/programmer build >&2
  echo "$build_stamp" > "$BUILD_STAMP_FILE"
fi
export PORT="${PORT:-4173}"
exec node --import tsx apps/server/src/main.ts
