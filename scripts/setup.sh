#!/usr/bin/env bash
# Installs what Confab needs on a machine that has only Node 20 and npm:
# pnpm (pinned), the workspace's packages, and — with --browser — Debian's Chromium for the end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION="10.34.9"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "Confab needs Node 20 or newer (found $(node -v))." >&2
  exit 1
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm -v)" != "$PNPM_VERSION" ]; then
  log "installing pnpm@$PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" --no-fund --no-audit
fi

if [ "${1:-}" = "--browser" ]; then
  if [ ! -x /usr/bin/chromium ]; then
    log "installing Chromium from Debian's packages (for the end-to-end tests)"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fonts-noto-color-emoji >/dev/null
  fi
fi

log "installing workspace packages"
pnpm install --frozen-lockfile
