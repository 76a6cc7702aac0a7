// Checks that the SDK's exports map, its build entries, its node10 `typesVersions` and the size
// budgets agree: each export condition names one build entry's file and its types, every entry
// is exported, every subpath has its `typesVersions` line, every entry has a budget.
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('packages/sdk/package.json'));
const budgets = JSON.parse(read('size-budgets.json')).entries;
const entries = [...read('packages/sdk/build.config.ts').matchAll(/'src\/([\w/-]+)'/g)].map((m) => m[1]);

const problems = [];
const sameSet = (label, actual, expected) => {
  const missing = expected.filter((x) => !actual.includes(x));
  const extra = actual.filter((x) => !expected.includes(x));
  if (missing.length || extra.length) problems.push(`${label}: missing [${missing.join(', ')}], unexpected [${extra.join(', ')}]`);
};

const subpaths = Object.keys(pkg.exports).filter((key) => key !== './package.json');
const targets = new Set();
for (const subpath of subpaths) {
  for (const [condition, target] of Object.entries(pkg.exports[subpath])) {
    const ext = condition === 'require' ? 'cjs' : 'mjs';
    const stem = target?.default?.match(/^\.\/dist\/(.+)\.[cm]js$/)?.[1];
    const where = `exports["${subpath}"].${condition}`;
    if (target?.default !== `./dist/${stem}.${ext}`) problems.push(`${where}.default is ${target?.default}, expected a ./dist/*.${ext} file`);
    if (target?.types !== `./dist/${stem}.d.${ext[0]}ts`) problems.push(`${where}.types is ${target?.types}, expected ./dist/${stem}.d.${ext[0]}ts`);
    targets.add(stem);
  }
  const { import: esm, require: cjs } = pkg.exports[subpath];
  if (esm?.default?.replace(/\.mjs$/, '') !== cjs?.default?.replace(/\.cjs$/, '')) problems.push(`exports["${subpath}"]: import and require name different files`);
}

sameSet('build.config.ts entries vs exports', entries, [...targets]);
sameSet('size-budgets.json vs build entries', Object.keys(budgets), entries);
const nested = subpaths.filter((s) => s !== '.');
sameSet('typesVersions vs exports', Object.keys(pkg.typesVersions?.['*'] ?? {}), nested.map((s) => s.slice(2)));
for (const subpath of nested) {
  const target = pkg.typesVersions?.['*']?.[subpath.slice(2)]?.[0];
  if (target !== pkg.exports[subpath].require.types) problems.push(`typesVersions["${subpath.slice(2)}"] is ${target}, expected ${pkg.exports[subpath].require.types}`);
}
if (pkg.types !== pkg.exports['.'].require.types) problems.push(`"types" is ${pkg.types}, expected ${pkg.exports['.'].require.types}`);

if (problems.length) {
  console.error(`check-exports: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`check-exports: ${subpaths.length} subpaths, ${targets.size} build entries: exports, build.config.ts, typesVersions and size budgets agree`);
