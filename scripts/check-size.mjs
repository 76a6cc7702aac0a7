// Gzipped size of each build entry of the SDK (its ESM file plus the chunks it imports,
// transitively; Node builtins excluded), checked against size-budgets.json.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'packages/sdk/dist');
const { entries: budgets } = JSON.parse(readFileSync(join(root, 'size-budgets.json'), 'utf8'));
const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** The entry file and every chunk it reaches through relative imports, each once. */
function moduleGraph(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) moduleGraph(join(dirname(file), specifier), seen);
  return seen;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
let over = 0;
console.log('| entry | files | raw | gzipped | budget |\n| --- | --- | --- | --- | --- |');
for (const [entry, budget] of Object.entries(budgets)) {
  const files = [...moduleGraph(join(dist, `${entry}.mjs`))];
  const source = Buffer.concat(files.map((file) => readFileSync(file)));
  const gzipped = gzipSync(source, { level: 9 }).length;
  if (gzipped > budget) over++;
  console.log(`| \`${entry}\` | ${files.length} | ${kb(source.length)} | ${kb(gzipped)} | ${kb(budget)}${gzipped > budget ? ' **over**' : ''} |`);
}
if (over > 0) {
  console.error(`check-size: ${over} entr${over === 1 ? 'y is' : 'ies are'} over budget`);
  process.exit(1);
}
