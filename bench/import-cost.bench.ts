/**
 * Import cost: what `import('sentinel-sdk')` adds to a cold start, against `import('@sentry/node')`,
 * an empty module (the first `import()` of any module sets up the ESM loader) and a process that
 * imports nothing. Each run is a fresh child process; the variants alternate. The child times
 * its own `import()`; the parent times the whole process.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNS = 21;
const VARIANTS = [
  { label: 'nothing', specifier: '' },
  { label: 'an empty module', specifier: new URL('./fixtures/empty.mjs', import.meta.url).href },
  { label: '`sentinel-sdk`', specifier: 'sentinel-sdk' },
  { label: '`@sentry/node`', specifier: '@sentry/node' },
];
const CHILD = `const started = performance.now();
if (process.env.SPECIFIER) await import(process.env.SPECIFIER);
console.log(performance.now() - started);`;
const cwd = fileURLToPath(new URL('.', import.meta.url));

/** One cold start: the child's own `import()` time and the process's wall time, in ms. */
function run(specifier: string): Promise<{ importMs: number; wallMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
      cwd,
      env: { ...process.env, NODE_OPTIONS: '', SPECIFIER: specifier },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`importing ${specifier || 'nothing'} exited with ${code}`));
      resolve({ importMs: Number(out), wallMs: performance.now() - started });
    });
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

const samples = VARIANTS.map(() => ({ importMs: [] as number[], wallMs: [] as number[] }));
await run('sentinel-sdk'); // warms the file system cache, not the child: every run below is a new process
for (let i = 0; i < RUNS; i++) {
  for (const [v, variant] of VARIANTS.entries()) {
    const { importMs, wallMs } = await run(variant.specifier);
    samples[v]!.importMs.push(importMs);
    samples[v]!.wallMs.push(wallMs);
  }
}

const emptyWall = median(samples[0]!.wallMs);
const sdkImport = median(samples[2]!.importMs);
console.log(`Node.js ${process.version}, ${RUNS} runs per variant, medians.\n`);
console.log('| import | `import()` in the child (ms) | process start to exit (ms) | added to a process importing nothing (ms) | `import()` vs `sentinel-sdk` |');
console.log('| --- | --- | --- | --- | --- |');
for (const [v, variant] of VARIANTS.entries()) {
  const importMs = median(samples[v]!.importMs);
  const wallMs = median(samples[v]!.wallMs);
  const ratio = variant.specifier ? `${(importMs / sdkImport).toFixed(1)}×` : '—';
  console.log(`| ${variant.label} | ${importMs.toFixed(1)} | ${wallMs.toFixed(1)} | ${v === 0 ? '—' : (wallMs - emptyWall).toFixed(1)} | ${ratio} |`);
}
