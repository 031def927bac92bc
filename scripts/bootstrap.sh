#!/usr/bin/env bash
# Sourced by start.sh and test.sh: makes pnpm available (a private, pinned install; no corepack,
# no global npm state) and installs the workspace from the lockfile. Needs only Node 20 and npm.
set -euo pipefail
PNPM_VERSION=10.34.9
export NPM_CONFIG_UPDATE_NOTIFIER=false
# The registry is reached through a TLS proxy whose CA is in the system bundle; pnpm and
# `npm i --prefix` do not read npm's global cafile, so hand the bundle to Node itself.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  PNPM_PREFIX="${XDG_CACHE_HOME:-$HOME/.cache}/itps-pnpm-$PNPM_VERSION"
  if [ ! -x "$PNPM_PREFIX/bin/pnpm" ]; then
    echo "itps: installing pnpm $PNPM_VERSION into $PNPM_PREFIX" >&2
    npm install --global --prefix "$PNPM_PREFIX" --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >&2
  fi
  export PATH="$PNPM_PREFIX/bin:$PATH"
fi
unset NPM_CONFIG_LOGLEVEL npm_config_loglevel # pnpm reads it too and would go silent
# start.sh sets ITPS_SKIP_INSTALL=1 when the lockfile and package files are those of its last install
if [ "${ITPS_SKIP_INSTALL:-0}" != 1 ] || [ ! -d node_modules ]; then
  pnpm install --frozen-lockfile --reporter=append-only >&2
fi
