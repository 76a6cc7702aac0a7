#!/usr/bin/env bash
# Installs the runtimes of the conformance matrix (scripts/test-runtimes.sh) from npm into
# .tools/<name>; a runtime already there at the pinned version is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

# name, package@version, binary inside .tools/<name>
RUNTIMES=(
  "node18 node@18.20.8 node_modules/node/bin/node"
  "node22 node@22.23.3 node_modules/node/bin/node"
  "node24 node@24.21.0 node_modules/node/bin/node"
  "bun bun@1.4.5 node_modules/bun/bin/bun.exe"
  "deno deno@2.9.6 node_modules/.bin/deno"
)

for runtime in "${RUNTIMES[@]}"; do
  read -r name spec bin <<<"$runtime"
  dir=".tools/$name"
  version="${spec#*@}"
  # Node.js prints v18.20.8, Bun 1.4.5, Deno "deno 2.9.6 (stable, …)" and more lines.
  installed="$("$dir/$bin" --version 2>/dev/null | head -n 1 || true)"
  installed="${installed#deno }"
  installed="${installed#v}"
  [ "${installed%% *}" = "$version" ] && continue
  npm install --prefix "$dir" "$spec" --no-audit --no-fund --loglevel=error
  echo "installed $spec: $("$dir/$bin" --version | head -n 1)"
done
