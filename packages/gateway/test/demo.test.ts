import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Child, spawnCommand } from './helpers/child-process.js';

interface BuildTarget {
  inputs: string[];
  outputs: () => string[];
}

// A plain script of the repository, without type declarations.
const BUILD_SCRIPT = new URL('../../../scripts/build-if-stale.mjs', import.meta.url).href;
const { isStale } = (await import(BUILD_SCRIPT)) as { isStale: (target: BuildTarget) => boolean };

const PAGE_LINE = /^Open (http:\/\/127\.0\.0\.1:(\d+)\/) /m;
// What unbuild and npm print while building: chunk listings, size totals, script banners.
const BUILD_LISTING = /dist\/\S+\.[cm]?js|Σ Total|^> \S+ build$|tsc -p|unbuild/m;

describe('isStale', () => {
  let dir: string;
  let target: BuildTarget;
  const at = (path: string, seconds: number): void => utimesSync(path, seconds, seconds);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sentinel-stale-'));
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'dist'));
    for (const name of ['src/a.ts', 'src/b.ts', 'config.ts', 'dist/a.js', 'dist/b.js']) writeFileSync(join(dir, name), '');
    target = { inputs: [join(dir, 'src'), join(dir, 'config.ts')], outputs: () => ['a.js', 'b.js'].map((name) => join(dir, 'dist', name)) };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function builtAt(seconds: number): void {
    for (const input of ['src/a.ts', 'src/b.ts', 'src', 'config.ts']) at(join(dir, input), 1_000);
    for (const output of target.outputs()) at(output, seconds);
  }

  it('is fresh when every output is newer than every input', () => {
    builtAt(2_000);
    expect(isStale(target)).toBe(false);
  });

  it('is stale when a source file, a configuration file or a directory changed after the oldest output', () => {
    for (const input of ['src/b.ts', 'config.ts', 'src']) {
      builtAt(2_000);
      at(join(dir, 'dist/b.js'), 1_500);
      at(join(dir, input), 1_600);
      expect(isStale(target), input).toBe(true);
    }
  });

  it('is stale when an output is missing, or none is expected', () => {
    builtAt(2_000);
    rmSync(join(dir, 'dist/b.js'));
    expect(isStale(target)).toBe(true);
    writeFileSync(join(dir, 'dist/b.js'), '');
    expect(isStale({ ...target, outputs: () => [] })).toBe(true);
  });
});

interface ProcessInfo {
  pid: number;
  args: string[];
}

// Every process started, directly or not, by `pid`, read from /proc.
function descendantsOf(pid: number): ProcessInfo[] {
  const processes = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return [{ pid: Number(name), parent, args: readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0') }];
      } catch {
        return []; // ended while being read
      }
    });
  const found: ProcessInfo[] = [];
  for (let parents = new Set([pid]); parents.size > 0; ) {
    const children = processes.filter((candidate) => parents.has(candidate.parent));
    found.push(...children);
    parents = new Set(children.map((child) => child.pid));
  }
  return found;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function canListenOn(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

interface RunningDemo {
  demo: Child;
  pageUrl: string;
  port: number;
}

async function startDemo(command: string, args: string[]): Promise<RunningDemo> {
  const demo = spawnCommand(command, args, { DEMO_PORT: '0' }, true);
  // Long enough for a build, should the sources have changed since the last one.
  const match = await demo.waitFor(PAGE_LINE, 90_000);
  return { demo, pageUrl: match[1] ?? '', port: Number(match[2]) };
}

// Sends SIGINT to the demo's process group, as Ctrl-C in a terminal does, and checks that the
// gateway it started is gone, its port free and its database deleted.
async function expectCtrlCStopsEverything({ demo, port }: RunningDemo, exits: (number | string)[]): Promise<void> {
  const gateways = descendantsOf(demo.process.pid ?? 0).filter((info) => info.args.some((arg) => arg.endsWith('cli.js')));
  expect(gateways).toHaveLength(1);
  const [gateway] = gateways as [ProcessInfo];
  const database = gateway.args[gateway.args.indexOf('--db') + 1] ?? '';
  expect(existsSync(database)).toBe(true);

  process.kill(-(demo.process.pid ?? 0), 'SIGINT');
  const exit = await demo.exited();
  expect(exits).toContain(exit.code ?? exit.signal);
  expect(isRunning(gateway.pid)).toBe(false);
  expect(await canListenOn(port)).toBe(true);
  expect(existsSync(join(database, '..'))).toBe(false);
  expect(demo.output()).toMatch(/Stopping the gateway…\n/);
}

describe.runIf(process.platform === 'linux')('the demo', () => {
  let running: RunningDemo | undefined;
  afterEach(async () => {
    const child = running?.demo.process;
    running = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exit = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-(child.pid ?? 0), 'SIGINT');
    await exit;
  });

  it('tells its story in at most 30 lines before the address of the page, with no build output (npm run demo)', async () => {
    running = await startDemo('npm', ['run', 'demo']);
    const output = running.demo.output();
    const beforePage = output.slice(0, output.indexOf(running.pageUrl)).split('\n').filter((line) => line.trim() !== '');
    expect(output).not.toMatch(BUILD_LISTING);
    expect(beforePage.length).toBeLessThanOrEqual(30);
    expect(output).toMatch(/^(Building .*\n)?Gateway up at http:\/\/127\.0\.0\.1:\d+, on a temporary database\.$/m);
    expect(output).toMatch(/^ {2}│ InventoryError: stock for sku-1042 went negative$/m);
    expect(output).toMatch(/^The process exited with code 1; /m);
    expect(output).toMatch(/^6 reports, grouped into 3 issues:$/m);
    expect((await fetch(running.pageUrl)).status).toBe(200);
    // npm ends itself with the signal once the demo has stopped, as a shell would.
    await expectCtrlCStopsEverything(running, [0, 'SIGINT']);
  }, 120_000);

  it('stops with its gateway on Ctrl-C, freeing the port and deleting the database (node examples/demo.mjs)', async () => {
    running = await startDemo(process.execPath, ['examples/demo.mjs']);
    await expectCtrlCStopsEverything(running, [0]);
  }, 120_000);
});
