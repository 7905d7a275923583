#!/usr/bin/env bash
# Installs what Confab needs on a machine that has only Node 20 and npm:
# pnpm (pinned), the workspace's packages, and — with --browser — Debian's Chromium for the end-to-end tests;
# with --services, Debian's PostgreSQL and Redis servers (started by scripts/services.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION="10.34.9"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "Confab needs Node.js 20.19 or newer (found $(node -v))." >&2
  exit 1
fi

# pnpm: the one on PATH when it is the pinned version; otherwise npx fetches the pinned version into
# npm's cache (no global install, no sudo, an existing pnpm stays as it is). The install puts the
# pinned pnpm into node_modules/.bin, which `npm run` scripts use from then on.
if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm -v 2>/dev/null)" = "$PNPM_VERSION" ]; then
  PNPM=(pnpm)
else
  log "using pnpm@$PNPM_VERSION through npx"
  PNPM=(npx --yes "pnpm@$PNPM_VERSION")
fi

BROWSER=0
SERVICES=0
for arg in "$@"; do
  case "$arg" in
    --browser) BROWSER=1 ;;
    --services) SERVICES=1 ;;
    *) echo "usage: scripts/setup.sh [--browser] [--services]" >&2; exit 2 ;;
  esac
done

# Debian packages the chosen extras need and the machine lacks, installed in one apt-get run.
missing=()
if [ "$BROWSER" -eq 1 ]; then
  # Chromium for the end-to-end tests, and fonts so that emoji and CJK text render in screenshots.
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  for font in fonts-noto-color-emoji fonts-noto-cjk; do
    dpkg -s "$font" >/dev/null 2>&1 || missing+=("$font")
  done
fi
if [ "$SERVICES" -eq 1 ]; then
  # PostgreSQL and Redis for the storage contract suite on PostgreSQL and the multi-node tests
  # (scripts/services.sh starts them on loopback).
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]} from Debian's packages"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

log "installing workspace packages"
"${PNPM[@]}" install --frozen-lockfile
