#!/usr/bin/env bash
# Sets up a fresh clone: the system browser the web-page tests drive, the npm workspaces, and
# a first build of the SDK and the gateway (one line, or the build output if it fails).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

npm ci --no-audit --no-fund
node scripts/build-if-stale.mjs
