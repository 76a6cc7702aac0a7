/**
 * @module Ingest throughput of the gateway, measured with autocannon on loopback against a bare
 * node:http server that answers 201 at once (the in-run baseline). Both servers run as child
 * processes, so each gets its own event loop, like the real gateway; the load runs here.
 *
 * Run: npm run build -w sentinel-gateway && node --import tsx bench/gateway-ingest.bench.ts
 * Env: BENCH_DURATION_S (1 to 60, default 10), BENCH_CONNECTIONS (1 to 256, default 32).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  requests: { method: 'POST'; path: string; headers: Record<string, string>; body: string }[];
}

type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const GATEWAY_CLI = join(ROOT, 'packages/gateway/dist/cli.js');
const API_KEY = 'bench-key-0123456789';
const DURATION_S = boundedInt(process.env.BENCH_DURATION_S, 10, 1, 60);
const CONNECTIONS = boundedInt(process.env.BENCH_CONNECTIONS, 32, 1, 256);
const WARMUP_S = 2;
const TARGET_PER_S = 5_000;
const STARTUP_TIMEOUT_MS = 10_000;

const BASELINE_SERVER = `
  import { createServer } from 'node:http';
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end('{"exception_id":"baseline"}');
  });
  server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
  process.on('SIGTERM', () => server.close());
`;

function boundedInt(value: string | undefined, fallback: number, min: number, max: number): number {
  const parsed = Number(value ?? fallback);
  return Number.isInteger(parsed) ? Math.min(max, Math.max(min, parsed)) : fallback;
}

/** Four distinct reports, so the run exercises both new issues and counting into existing ones. */
function reportBodies(): string[] {
  return ['PaymentError', 'TypeError', 'RangeError', 'InventoryError'].map((exceptionType, i) =>
    JSON.stringify({
      exceptionType,
      errorMessage: `${exceptionType} while handling order [EMAIL] with card [CREDIT_CARD]`,
      stackTrace: [
        `${exceptionType}: failed`,
        `    at handler${i} (/srv/app/src/routes/orders.js:${40 + i}:11)`,
        '    at processOrder (/srv/app/src/services/orders.js:118:7)',
        '    at Layer.handle [as handle_request] (/srv/app/node_modules/express/lib/router/layer.js:95:5)',
        '    at next (/srv/app/node_modules/express/lib/router/route.js:149:13)',
        '    at Route.dispatch (/srv/app/node_modules/express/lib/router/route.js:119:3)',
        '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      ].join('\n'),
      endpoint: `/api/orders/${1000 + i}`,
      timestamp: new Date().toISOString().replace('Z', '000+00:00'),
      githubRepo: 'acme/bench',
      language: 'typescript',
    }),
  );
}

function startServer(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${STARTUP_TIMEOUT_MS} ms: ${output}`));
    }, STARTUP_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening: ${output}`)));
  });
}

function stopServer(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), STARTUP_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(force);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}

async function load(url: string, bodies: string[], duration: number): Promise<AutocannonResult> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    requests: bodies.map((body) => ({
      method: 'POST',
      path: '/api/v1/exceptions',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body,
    })),
  });
}

async function measure(name: string, args: string[], bodies: string[]) {
  const { child, url } = await startServer(args);
  try {
    const warmup = await load(url, bodies, WARMUP_S);
    const result = await load(url, bodies, DURATION_S);
    return { name, result, accepted: warmup['2xx'] + result['2xx'], exitCode: await stopServer(child) };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  if (!existsSync(GATEWAY_CLI)) throw new Error('build the gateway first: npm run build -w sentinel-gateway');
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-bench-'));
  const dbPath = join(dir, 'bench.db');
  const bodies = reportBodies();
  try {
    const baselineArgs = ['--input-type=module', '-e', BASELINE_SERVER];
    const baseline = await measure('bare node:http, answers 201', baselineArgs, bodies);
    const gateway = await measure(
      'sentinel-gateway (SQLite, WAL)',
      [GATEWAY_CLI, '--port', '0', '--db', dbPath, '--api-key', API_KEY],
      bodies,
    );

    const db = new Database(dbPath, { readonly: true });
    const { stored } = db.prepare('SELECT count(*) AS stored FROM exceptions').get() as { stored: number };
    db.close();

    const ratio = gateway.result.requests.average / baseline.result.requests.average;
    const bodyBytes = Math.round(bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0) / bodies.length);
    console.log(
      `\nGateway ingest: ${new Date().toISOString()}, node ${process.version}, ${availableParallelism()} CPUs, ` +
        `${CONNECTIONS} connections × ${DURATION_S} s after ${WARMUP_S} s warm-up, ` +
        `${bodyBytes}-byte reports, loopback\n`,
    );
    console.log(row(['server', 'req/s (mean)', 'p50 ms', 'p99 ms', 'non-2xx', 'errors']));
    console.log(row(['---', '---:', '---:', '---:', '---:', '---:']));
    for (const { name, result } of [baseline, gateway]) {
      console.log(
        row([
          name,
          Math.round(result.requests.average).toLocaleString('en-US'),
          result.latency.p50,
          result.latency.p99,
          result.non2xx,
          result.errors + result.timeouts,
        ]),
      );
    }
    console.log(`\ngateway / baseline: ${ratio.toFixed(2)}`);
    // autocannon stops counting at the deadline, so requests still in flight then are stored but not counted.
    console.log(
      `stored after SIGTERM: ${stored} rows for ${gateway.accepted} acknowledged reports ` +
        `(${stored - gateway.accepted} more were in flight at the deadline); gateway exit code ${gateway.exitCode}`,
    );
    const met = gateway.result.requests.average >= TARGET_PER_S;
    console.log(`target ≥ ${TARGET_PER_S.toLocaleString('en-US')} reports/s: ${met ? 'met' : 'NOT met'}`);
    if (stored < gateway.accepted || gateway.exitCode !== 0 || gateway.result.non2xx > 0) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
