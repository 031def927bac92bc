#!/usr/bin/env bash
# Every test ITPS has: typecheck, lint, unit/property/model tests of every package, the app build,
# end-to-end specs in Debian's Chromium. Ends with the plain line 'N passed, N failed'.
set -euo pipefail
cd "$(dirname "$0")/.."
t_all=$SECONDS
step() { printf '\n==> %s\n' "$*"; }

step "chromium"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
  else
    echo "itps: Debian's chromium is missing; install it with: sudo apt-get install chromium" >&2
    exit 1
  fi
fi
chromium --version 2>/dev/null

step "pnpm and dependencies"
source scripts/bootstrap.sh
pnpm --version

step "typecheck (TypeScript 7, tsc -b)"
pnpm typecheck

step "rooms: no import circles, no upward imports in the core (node scripts/checkRooms.mjs)"
pnpm rooms

step "lint and format (biome ci)"
pnpm exec biome ci .

step "unit, property and model tests (vitest, every package, each with V8 coverage)"
rm -rf packages/*/test-results apps/*/test-results
pnpm -r --if-present --reporter=append-only test
rm -rf scripts/test-results
pnpm exec vitest run --config scripts/vitest.config.mjs

step "scenario library through the CLI (pnpm itps run), training scenarios through pnpm itps validate"
pnpm itps run packages/scenarios/scenarios/*.scenario.*
pnpm itps validate packages/scenarios/training/*.scenario.*

step "end-to-end (vite build; vite preview, then the classroom server; playwright-core, Debian chromium)"
pnpm e2e   # the programmer's specs, then the classroom's against the real server

step "coverage floors (every package and app, the app in Chromium too; per file for the kernels and the therapy gate: scripts/coverageFloors.mjs)"
pnpm coverage

step "safety traceability (each test docs/safety-tests.json names for a requirement of docs/safety.md ran in this run and passed, found by its id; every test file it lists ran, passed, and ran after the code it checks changed)"
pnpm trace

node scripts/summary.mjs "$((SECONDS - t_all))"
