// Packs packages/sdk as it would be published and checks the tarball: its file list, publint
// and attw with no problems, then a fresh project that installs it and loads every subpath
// through ESM import, CommonJS require and TypeScript under each module resolution.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { packedReadme } from './pack-readme.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const ALLOWED = /^(package\.json|README\.md|LICENSE|dist\/.+)$/;
/** `module` / `moduleResolution` pairs a consumer may use; each must type-check. */
const RESOLUTIONS = [
  ['node16', 'node16'],
  ['nodenext', 'nodenext'],
  ['esnext', 'bundler'],
  ['commonjs', 'node10'],
];

function run(command, args, cwd) {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`${[command, ...args].join(' ').slice(0, 200)} failed:\n${error.stdout}${error.stderr}`);
  }
}
const step = (label) => console.log(`check-package: ${label}`);
const work = mkdtempSync(join(tmpdir(), 'sentinel-pack-'));

try {
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], join(root, 'packages/sdk')));
  const tarball = join(work, packed.filename);
  const stray = packed.files.map((f) => f.path).filter((path) => !ALLOWED.test(path));
  if (stray.length) throw new Error(`the tarball holds files outside dist, README.md and LICENSE: ${stray.join(', ')}`);
  step(`${packed.filename}: ${packed.files.length} files, ${(packed.size / 1024).toFixed(1)} KB packed`);

  const { messages, pkg } = await publint({ pack: { tarball: readFileSync(tarball).buffer }, strict: true });
  if (messages.length) throw new Error(`publint:\n${messages.map((m) => `- ${formatMessage(m, pkg)}`).join('\n')}`);
  step('publint: no problems');
  run(join(root, 'node_modules/.bin/attw'), [tarball], root);
  step('attw: no problems');

  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  run('npm', ['install', tarball, '--no-audit', '--no-fund', '--offline'], app);
  const installed = JSON.parse(readFileSync(join(app, 'node_modules/sentinel-sdk/package.json'), 'utf8'));
  const readme = readFileSync(join(app, 'node_modules/sentinel-sdk/README.md'), 'utf8');
  if (!readme.startsWith('# sentinel-sdk') || packedReadme(readme) !== readme) throw new Error('the packed README is missing or links to files outside the package');
  const subpaths = Object.keys(installed.exports).filter((s) => s !== './package.json').map((s) => s.replace(/^\./, 'sentinel-sdk'));

  // No framework is installed here: every integration subpath must still load.
  const exportsOf = JSON.parse(run(process.execPath, ['--input-type=module', '-e', `
    const out = {};
    for (const id of ${JSON.stringify(subpaths)}) out[id] = Object.keys(await import(id)).sort();
    console.log(JSON.stringify(out));`], app));
  const required = JSON.parse(run(process.execPath, ['-e', `
    const out = {};
    for (const id of ${JSON.stringify(subpaths)}) out[id] = Object.keys(require(id)).sort();
    console.log(JSON.stringify(out));`], app));
  for (const id of subpaths) {
    if (exportsOf[id].length === 0) throw new Error(`import('${id}') has no exports`);
    if (JSON.stringify(required[id]) !== JSON.stringify(exportsOf[id])) throw new Error(`require('${id}') exports ${required[id]}, import() ${exportsOf[id]}`);
  }
  if (!['configure', 'captureException', 'installHook', 'scrub'].every((name) => exportsOf['sentinel-sdk'].includes(name))) throw new Error('the core entry lacks its API');
  step(`${subpaths.length} subpaths load through import and require, with no framework installed`);

  // Every runtime export must have a type, from an ESM file and from a CommonJS one.
  const usage = subpaths.map((id, i) => `import * as m${i} from '${id}';\nexport const used${i} = [${exportsOf[id].map((name) => `m${i}.${name}`).join(', ')}];`).join('\n');
  writeFileSync(join(app, 'esm.mts'), `${usage}\nexport const id: Promise<string | null> = m0.captureException(new Error('x'));\n`);
  writeFileSync(join(app, 'cjs.cts'), `${usage}\n`);
  writeFileSync(join(app, 'plain.ts'), `${usage}\n`);
  const tsc = require.resolve('typescript/bin/tsc');
  for (const [module, moduleResolution] of RESOLUTIONS) {
    const files = moduleResolution === 'node10' ? ['plain.ts'] : ['esm.mts', 'cjs.cts', 'plain.ts'];
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module, moduleResolution, target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files }));
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
  }
  step(`tsc --noEmit passes under moduleResolution ${RESOLUTIONS.map(([, r]) => r).join(', ')}`);

  // The edge builds, as a bundler picks them: their own configure, with its waitUntil option.
  const edgeConditions = Object.keys(installed.exports['.']).filter((c) => c !== 'import' && c !== 'require');
  writeFileSync(join(app, 'edge.ts'), `import { captureException, configure, flush } from 'sentinel-sdk';
configure({ apiKey: 'k', githubRepo: 'acme/shop', waitUntil: (promise: Promise<unknown>) => void promise });
export const done: Promise<boolean> = captureException(new Error('x')).then(() => flush());\n`);
  for (const condition of edgeConditions) {
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', customConditions: [condition], target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['edge.ts'] }));
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
  }
  step(`tsc --noEmit passes for the ${edgeConditions.join(', ')} builds`);
} catch (error) {
  console.error(`check-package: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
