// Builds the SDK and the gateway when their sources changed since the last build, printing
// nothing else; a failed build prints its output. `node scripts/build-if-stale.mjs`, or import it.
//
// A package is stale when one of the outputs its build must produce is missing, or when any
// of its inputs (sources, build configuration, package.json) was modified after the oldest of
// those outputs. Directories count as inputs too: deleting or renaming a source changes its
// directory. The expected outputs, not everything in dist, are compared: tsc leaves the output
// of a deleted source behind, and an interrupted build leaves some outputs missing.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SDK = join(ROOT, 'packages/sdk');
const GATEWAY = join(ROOT, 'packages/gateway');
const SHARED_INPUTS = [join(ROOT, 'tsconfig.base.json')];

/** What each package's build reads, and what it must write. */
export const TARGETS = [
  {
    workspace: 'sentinel-sdk',
    inputs: [...SHARED_INPUTS, ...['src', 'build.config.ts', 'package.json', 'tsconfig.json'].map((name) => join(SDK, name))],
    // unbuild empties dist first: the files the exports map names are all written by one build.
    outputs: () => exportedFiles(join(SDK, 'package.json')),
  },
  {
    workspace: 'sentinel-gateway',
    inputs: [...SHARED_INPUTS, ...['src', 'scripts/postbuild.mjs', 'package.json', 'tsconfig.json'].map((name) => join(GATEWAY, name))],
    // tsc writes dist/x.js for src/x.ts; postbuild copies the page's assets as they are.
    outputs: () =>
      filesUnder(join(GATEWAY, 'src')).map((file) => join(GATEWAY, 'dist', relative(join(GATEWAY, 'src'), file).replace(/\.ts$/, '.js'))),
  },
];

function entriesUnder(path) {
  return readdirSync(path, { recursive: true, withFileTypes: true }).map((entry) => ({
    path: join(entry.parentPath, entry.name),
    isFile: entry.isFile(),
  }));
}

function filesUnder(path) {
  return entriesUnder(path)
    .filter((entry) => entry.isFile)
    .map((entry) => entry.path);
}

// The path itself and, for a directory, everything below it; nothing for a path that does not exist.
function pathsUnder(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats?.isDirectory()) return stats ? [path] : [];
  return [path, ...entriesUnder(path).map((entry) => entry.path)];
}

function exportedFiles(packageJson) {
  const targets = [];
  const collect = (value) => {
    if (typeof value === 'string') targets.push(value);
    else for (const nested of Object.values(value)) collect(nested);
  };
  collect(JSON.parse(readFileSync(packageJson, 'utf8')).exports);
  return targets.filter((target) => target.startsWith('./dist/')).map((target) => join(packageJson, '..', target));
}

function modifiedAt(path) {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs;
}

/**
 * Tells whether a target's outputs are missing or older than one of its inputs.
 *
 * @param {{ inputs: string[], outputs: () => string[] }} target - files or directories read, and files written
 * @returns {boolean} whether the target needs a build
 */
export function isStale(target) {
  const outputTimes = target.outputs().map(modifiedAt);
  if (outputTimes.length === 0 || outputTimes.includes(undefined)) return true;
  const oldestOutput = Math.min(...outputTimes);
  return target.inputs.flatMap(pathsUnder).some((input) => modifiedAt(input) > oldestOutput);
}

/**
 * Builds the stale packages, silently. When a build fails, prints what it printed and exits.
 *
 * @returns {string[]} the workspaces that were built
 */
export function buildIfStale() {
  const stale = TARGETS.filter(isStale).map((target) => target.workspace);
  if (stale.length === 0) return stale;
  console.log(`Building ${stale.join(' and ')}…`);
  for (const workspace of stale) {
    const build = spawnSync('npm', ['run', 'build', '-w', workspace], { cwd: ROOT, encoding: 'utf8' });
    if (build.status === 0) continue;
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}${build.error?.message ?? ''}\n`);
    console.error(`The build of ${workspace} failed (npm run build -w ${workspace}).`);
    process.exit(1);
  }
  return stale;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfStale();
