/**
 * Import cost: what `import('sentinel-sdk')` adds to a cold start, against `import('@sentry/node')`,
 * an empty module (the first `import()` of any module sets up the ESM loader), an empty package
 * imported by name (the first bare specifier also sets up package resolution) and a process
 * that imports nothing. The child times resolving the specifier apart from the whole `import()`.
 * Then what the first `configure()` costs (with and without the process hook) against the first
 * `Sentry.init()`, so that work moved out of the import is not just moved into start-up. Each
 * run is a fresh child process; the variants alternate. The child times its own `import()` and
 * set-up; the parent times the whole process.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './helpers/stats';

const RUNS = 21;
// A loopback address that is never contacted: nothing is captured during a run.
const OPTIONS = "{ apiKey: 'bench-key', githubRepo: 'acme/shop' }";
const SENTRY_OPTIONS = "{ dsn: 'http://benchkey@127.0.0.1:9/1' }";
const VARIANTS = [
  { label: 'nothing', specifier: '', then: '' },
  { label: 'an empty module', specifier: new URL('./fixtures/empty.mjs', import.meta.url).href, then: '' },
  { label: 'an empty package, by name', specifier: 'sentinel-bench-empty', then: '' },
  { label: '`sentinel-sdk`', specifier: 'sentinel-sdk', then: '' },
  { label: '`@sentry/node`', specifier: '@sentry/node', then: '' },
  { label: '`sentinel-sdk`, then `configure()`', specifier: 'sentinel-sdk', then: `sdk.configure(${OPTIONS})` },
  { label: '`sentinel-sdk`, then `installHook()` + `configure()`', specifier: 'sentinel-sdk', then: `sdk.installHook(); sdk.configure(${OPTIONS})` },
  { label: '`@sentry/node`, then `Sentry.init()`', specifier: '@sentry/node', then: `sdk.init(${SENTRY_OPTIONS})` },
];
const CHILD = `const started = performance.now();
const url = process.env.SPECIFIER && import.meta.resolve(process.env.SPECIFIER);
const resolved = performance.now();
const sdk = url ? await import(url) : undefined;
const imported = performance.now();
new Function('sdk', process.env.THEN)(sdk);
console.log(JSON.stringify([imported - started, resolved - started, performance.now() - imported]));`;
const cwd = fileURLToPath(new URL('.', import.meta.url));

// The empty package lives in bench/node_modules for the length of the run only.
const emptyPackage = join(cwd, 'node_modules/sentinel-bench-empty');
mkdirSync(emptyPackage, { recursive: true });
writeFileSync(join(emptyPackage, 'package.json'), JSON.stringify({ name: 'sentinel-bench-empty', type: 'module', exports: './index.js' }));
writeFileSync(join(emptyPackage, 'index.js'), 'export {};\n');
process.on('exit', () => rmSync(emptyPackage, { recursive: true, force: true }));

interface Sample {
  importMs: number;
  resolveMs: number;
  thenMs: number;
  wallMs: number;
}

/** One cold start: the child's own `import()` and set-up times and the process's wall time, in ms. */
function run(specifier: string, then = ''): Promise<Sample> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
      cwd,
      env: { ...process.env, NODE_OPTIONS: '', SPECIFIER: specifier, THEN: then },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`importing ${specifier || 'nothing'} exited with ${code}`));
      const [importMs, resolveMs, thenMs] = JSON.parse(out) as [number, number, number];
      resolve({ importMs, resolveMs, thenMs, wallMs: performance.now() - started });
    });
  });
}

const samples = VARIANTS.map((): Sample[] => []);
await run('sentinel-sdk'); // warms the file system cache, not the child: every run below is a new process
for (let i = 0; i < RUNS; i++) {
  for (const [v, variant] of VARIANTS.entries()) samples[v]!.push(await run(variant.specifier, variant.then));
}

const medians = samples.map((runs) => ({
  importMs: median(runs.map((r) => r.importMs)),
  resolveMs: median(runs.map((r) => r.resolveMs)),
  thenMs: median(runs.map((r) => r.thenMs)),
  wallMs: median(runs.map((r) => r.wallMs)),
}));
const [nothing, empty, emptyPackageByName, sdk] = medians as [(typeof medians)[0], (typeof medians)[0], (typeof medians)[0], (typeof medians)[0]];
/** The empty import done the same way: by file URL, or by package name. */
const emptyLike = (specifier: string) => (specifier.startsWith('file:') ? empty : emptyPackageByName);
console.log(`Node.js ${process.version}, ${RUNS} runs per variant, medians.\n`);
console.log('| import | `import()` in the child (ms) | of which resolving the specifier (ms) | `import()` less an empty one imported the same way (ms) | then set-up (ms) | process start to exit (ms) | added to a process importing nothing (ms) | `import()` vs `sentinel-sdk` |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [v, variant] of VARIANTS.entries()) {
  const m = medians[v]!;
  const cells = [
    variant.label,
    m.importMs.toFixed(1),
    variant.specifier ? m.resolveMs.toFixed(1) : '—',
    variant.specifier ? (m.importMs - emptyLike(variant.specifier).importMs).toFixed(1) : '—',
    variant.then ? m.thenMs.toFixed(1) : '—',
    m.wallMs.toFixed(1),
    v === 0 ? '—' : (m.wallMs - nothing.wallMs).toFixed(1),
    variant.specifier ? `${(m.importMs / sdk.importMs).toFixed(1)}×` : '—',
  ];
  console.log(`| ${cells.join(' | ')} |`);
}
const setUp = (label: string): number => medians[VARIANTS.findIndex((v) => v.label.startsWith(label))]!.thenMs;
const configureMs = setUp('`sentinel-sdk`, then `configure');
const hookMs = setUp('`sentinel-sdk`, then `installHook');
const sentryInitMs = setUp('`@sentry/node`, then');
console.log(`\nFirst set-up: \`configure()\` ${configureMs.toFixed(2)} ms, \`installHook()\` + \`configure()\` ${hookMs.toFixed(2)} ms, \`Sentry.init()\` ${sentryInitMs.toFixed(2)} ms (${(sentryInitMs / hookMs).toFixed(1)}× the hooked set-up).`);
