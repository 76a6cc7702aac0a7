#!/usr/bin/env bash
# Runs the conformance suite (packages/sdk/test/conformance) again in each runtime that
# scripts/install-runtimes.sh put in .tools/; `npm test` already ran it on this Node.js.
# Every runtime runs even when one fails; the exit status tells whether all passed.
set -uo pipefail
cd "$(dirname "$0")/.."

failed=0
ran=0
for bin in .tools/*/node_modules/.bin/node .tools/*/node_modules/.bin/bun; do
  [ -x "$bin" ] || continue
  ran=$((ran + 1))
  name="${bin#.tools/}"
  echo "== conformance on ${name%%/*} $("$bin" --version)"
  RUNTIME_BIN="$bin" npx vitest run packages/sdk/test/conformance --reporter=default --reporter=./scripts/summary-reporter.mjs || failed=$((failed + 1))
done
if [ "$ran" -eq 0 ]; then
  echo "no runtime in .tools/: run scripts/install-runtimes.sh first" >&2
  exit 1
fi
[ "$failed" -eq 0 ] || { echo "conformance failed on $failed of $ran runtimes" >&2; exit 1; }
