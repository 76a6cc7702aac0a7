#!/usr/bin/env bash
# Runs the conformance suite (packages/sdk/test/conformance) again in each runtime that
# scripts/install-runtimes.sh put in .tools/, and the integration tests on Node.js 22 and 24;
# `npm test` already ran both on this Node.js.
# Every runtime runs even when one fails; the exit status tells whether all passed.
set -uo pipefail
cd "$(dirname "$0")/.."

failed=0
ran=0
for bin in .tools/*/node_modules/.bin/node .tools/*/node_modules/.bin/bun .tools/*/node_modules/.bin/deno; do
  [ -x "$bin" ] || continue
  ran=$((ran + 1))
  name="${bin#.tools/}"
  echo "== conformance on ${name%%/*} $("$bin" --version | head -n 1)"
  RUNTIME_BIN="$bin" npx vitest run packages/sdk/test/conformance --reporter=default --reporter=./scripts/summary-reporter.mjs || failed=$((failed + 1))
done
# The framework integrations run in the test runner's own process: run the runner itself on the
# Node.js versions it supports (vitest needs Node.js 20 or later).
for name in node22 node24; do
  bin=".tools/$name/node_modules/.bin/node"
  [ -x "$bin" ] || continue
  ran=$((ran + 1))
  echo "== framework integrations on $name $("$bin" --version)"
  "$bin" node_modules/vitest/vitest.mjs run packages/sdk/test/integration --reporter=default --reporter=./scripts/summary-reporter.mjs || failed=$((failed + 1))
done
if [ "$ran" -eq 0 ]; then
  echo "no runtime in .tools/: run scripts/install-runtimes.sh first" >&2
  exit 1
fi
[ "$failed" -eq 0 ] || { echo "$failed of $ran runtime runs failed" >&2; exit 1; }
