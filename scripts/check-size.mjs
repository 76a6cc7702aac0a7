// Gzipped size of each build entry of the SDK, checked against size-budgets.json: its ESM file
// plus every chunk it imports statically, transitively (what `import` loads; Node builtins
// excluded). Chunks reached through a dynamic `import()` load later, only when that code path
// runs (replaying `spoolDir`): they are shown apart, with everything they import in turn.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'packages/sdk/dist');
const { entries: budgets } = JSON.parse(readFileSync(join(root, 'size-budgets.json'), 'utf8'));
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*['"](\.{1,2}\/[^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

const specifiers = (file, pattern) => [...readFileSync(file, 'utf8').matchAll(pattern)].map(([, specifier]) => join(dirname(file), specifier));

/** `file` and every chunk it reaches through static imports, each once. */
function staticGraph(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const next of specifiers(file, STATIC_IMPORT)) staticGraph(next, seen);
  return seen;
}

/** What the dynamic imports of `loaded` bring in beyond `loaded` itself, transitively. */
function onDemand(loaded) {
  const more = new Set();
  const queue = [...loaded].flatMap((file) => specifiers(file, DYNAMIC_IMPORT));
  while (queue.length > 0) {
    for (const file of staticGraph(queue.pop())) {
      if (loaded.has(file) || more.has(file)) continue;
      more.add(file);
      queue.push(...specifiers(file, DYNAMIC_IMPORT));
    }
  }
  return more;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const gzipped = (files) => gzipSync(Buffer.concat([...files].map((file) => readFileSync(file))), { level: 9 }).length;
let over = 0;
console.log('| entry | files at import | raw | gzipped | budget | loaded on demand: files, gzipped |\n| --- | --- | --- | --- | --- | --- |');
for (const [entry, budget] of Object.entries(budgets)) {
  const files = staticGraph(join(dist, `${entry}.mjs`));
  const raw = [...files].reduce((sum, file) => sum + readFileSync(file).length, 0);
  const size = gzipped(files);
  const later = onDemand(files);
  if (size > budget) over++;
  const demand = later.size === 0 ? '—' : `${later.size}, ${kb(gzipped(later))}`;
  console.log(`| \`${entry}\` | ${files.size} | ${kb(raw)} | ${kb(size)} | ${kb(budget)}${size > budget ? ' **over**' : ''} | ${demand} |`);
}
if (over > 0) {
  console.error(`check-size: ${over} entr${over === 1 ? 'y is' : 'ies are'} over budget`);
  process.exit(1);
}
