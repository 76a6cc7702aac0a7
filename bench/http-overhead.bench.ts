/**
 * Throughput and server CPU per request of a one-route app, bare, with sentinel-sdk's integration,
 * and with @sentry/node's error capture (errors only: no tracing), for Express, Fastify and Hono
 * (@hono/node-server).
 * Every server runs in its own child process, pinned to the second CPU when `taskset` is there;
 * autocannon loads it over 127.0.0.1 from this process. In each round, bare and sentinel-sdk run
 * back to back (their order alternating), then @sentry/node, with a short pause after each run.
 *
 *   npm run build -w sentinel-sdk
 *   node --import tsx bench/http-overhead.bench.ts [--duration 3] [--rounds 5] [--connections 50] [--only hono,hono+async]
 *
 * Prints a markdown table on stdout, the single runs on stderr.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

// Hono runs a route that has no middleware without its middleware chain, and @hono/node-server
// answers a Response returned synchronously without awaiting it: for a bare app with a
// synchronous handler, the first middleware, whatever it is, costs that shortcut. The two other
// Hono rows are the common shapes that have no such shortcut: `hono+async`, the route handler is
// `async` (it awaits something, as most do); `hono+mw`, the app already has one pass-through
// middleware in every variant.
const FRAMEWORKS = ['express', 'fastify', 'hono', 'hono+async', 'hono+mw'] as const;
const VARIANTS = ['bare', 'sentinel', 'sentry'] as const;
type Framework = (typeof FRAMEWORKS)[number];
type Variant = (typeof VARIANTS)[number];

const BODY = { hello: 'world' };
const WARM_UP_SECONDS = 2;
/** Lets a server finish what it still has in hand before the next run starts. */
const PAUSE_MS = 500;
const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((path) => existsSync(path));

// ---- child: one server --------------------------------------------------------------------------

/** Starts `framework` with `variant` on an ephemeral loopback port; `sinkUrl` receives its reports. */
async function serve(framework: Framework, variant: Variant, sinkUrl: string): Promise<number> {
  // Sentry is initialised before the framework is imported, as its documentation asks.
  const Sentry = variant === 'sentry' ? await import('@sentry/node') : undefined;
  Sentry?.init({
    dsn: `${sinkUrl.replace('http://', 'http://public@')}/1`,
    integrations: framework === 'fastify' ? [Sentry.fastifyIntegration()] : [],
  });
  if (variant === 'sentinel') {
    const { configure } = await import('sentinel-sdk');
    configure({ apiKey: 'bench-key', githubRepo: 'acme/bench', gatewayUrl: sinkUrl });
  }
  const fail = (): never => {
    throw new Error('bench failure');
  };

  if (framework === 'express') {
    const { default: express } = await import('express');
    const app = express();
    app.get('/', (_req, res) => {
      res.json(BODY);
    });
    app.get('/fail', fail);
    if (variant === 'sentinel') app.use((await import('sentinel-sdk/express')).sentinelErrorHandler());
    if (Sentry) Sentry.setupExpressErrorHandler(app);
    return listenOn(createServer(app));
  }
  if (framework === 'fastify') {
    const { default: Fastify } = await import('fastify');
    const app = Fastify();
    if (variant === 'sentinel') await app.register((await import('sentinel-sdk/fastify')).sentinelPlugin);
    app.get('/', async () => BODY);
    app.get('/fail', fail);
    await app.listen({ port: 0, host: '127.0.0.1' });
    return (app.server.address() as AddressInfo).port;
  }
  const [{ Hono }, { serve: serveHono }] = await Promise.all([import('hono'), import('@hono/node-server')]);
  const app = new Hono();
  if (framework === 'hono+mw') {
    app.use(async function passThrough(_c, next) {
      await next();
    });
  }
  if (variant === 'sentinel') app.use((await import('sentinel-sdk/hono')).sentinelMiddleware());
  if (Sentry) app.use(Sentry.honoMiddleware(app));
  if (framework === 'hono+async') app.get('/', async (c) => c.json(BODY));
  else app.get('/', (c) => c.json(BODY));
  app.get('/fail', fail);
  const server = serveHono({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

async function listenOn(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

// ---- parent: load and compare -------------------------------------------------------------------

interface Child {
  process: ChildProcess;
  url: string;
  /** The child's CPU time so far, user + system, in microseconds. */
  cpu(): Promise<number>;
}

interface Run {
  rps: number;
  /** Server CPU time per request served, in microseconds: unlike req/s, barely moved by other load on the machine. */
  cpuPerRequest: number;
}

async function startChild(framework: Framework, variant: Variant, sinkUrl: string): Promise<Child> {
  const argv = [process.execPath, '--import', 'tsx', fileURLToPath(import.meta.url), '--serve', framework, variant, sinkUrl];
  const [command, ...args] = (TASKSET ? [TASKSET, '-c', '1', ...argv] : argv) as [string, ...string[]];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  // The servers' own logging (stack traces of the failing check request) is kept out of the output.
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [line] = (await Promise.race([once(lines, 'line'), once(child, 'exit').then(() => [undefined])])) as [string | undefined];
  if (line === undefined) throw new Error(`${framework}/${variant} did not start:\n${stderr}`);
  return {
    process: child,
    url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`,
    async cpu() {
      child.send('cpu');
      const [usage] = (await once(child, 'message')) as [{ user: number; system: number }];
      return usage.user + usage.system;
    },
  };
}

async function load(child: Child, duration: number, connections: number): Promise<Run> {
  const cpuBefore = await child.cpu();
  const result = await autocannon({ url: child.url, connections, duration });
  const cpu = (await child.cpu()) - cpuBefore;
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${child.url}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  return { rps: result.requests.average, cpuPerRequest: cpu / result.requests.total };
}

/** A loopback sink for the reports of both SDKs; counts what arrives. */
async function startSink(): Promise<{ url: string; count: () => number; close: () => void }> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(req.url?.startsWith('/api/v1/exceptions') ? 201 : 200, { 'content-type': 'application/json' });
      res.end('{"exception_id":"bench","id":"bench"}');
    });
  });
  const port = await listenOn(server);
  return { url: `http://127.0.0.1:${port}`, count: () => received, close: () => server.close() };
}

/** Checks that each instrumented variant really reports: one failing request must reach the sink. */
async function checkReports(child: Child, variant: Variant, sink: { count: () => number }): Promise<void> {
  if (variant === 'bare') return;
  const before = sink.count();
  const response = await fetch(`${child.url}/fail`);
  await response.arrayBuffer();
  const deadline = Date.now() + 5000;
  while (sink.count() === before) {
    if (Date.now() > deadline) throw new Error(`${variant} sent no report for a failing request`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { duration: { type: 'string', default: '3' }, rounds: { type: 'string', default: '5' }, connections: { type: 'string', default: '50' }, only: { type: 'string' } },
  });
  const duration = Number(values.duration);
  const rounds = Number(values.rounds);
  const connections = Number(values.connections);
  const sink = await startSink();
  const rows: string[] = [];

  const only = values.only?.split(',');
  for (const framework of FRAMEWORKS.filter((name) => only === undefined || only.includes(name))) {
    const children = {} as Record<Variant, Child>;
    for (const variant of VARIANTS) children[variant] = await startChild(framework, variant, sink.url);
    try {
      for (const variant of VARIANTS) {
        await checkReports(children[variant], variant, sink);
        await load(children[variant], WARM_UP_SECONDS, connections);
      }
      const runs = { bare: [], sentinel: [], sentry: [] } as Record<Variant, Run[]>;
      for (let round = 0; round < rounds; round++) {
        const order: Variant[] = round % 2 === 0 ? ['bare', 'sentinel', 'sentry'] : ['sentinel', 'bare', 'sentry'];
        for (const variant of order) {
          const run = await load(children[variant], duration, connections);
          runs[variant].push(run);
          console.error(`${framework} ${variant} round ${round + 1}: ${Math.round(run.rps)} req/s, ${run.cpuPerRequest.toFixed(1)} µs CPU/request`);
          await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
        }
      }
      const rps = (variant: Variant): number => median(runs[variant].map((run) => run.rps));
      const cpu = (variant: Variant): number => median(runs[variant].map((run) => run.cpuPerRequest));
      const cells = (variant: Variant): string =>
        `${Math.round(rps(variant))} | ${(rps(variant) / rps('bare')).toFixed(3)} | ${cpu(variant).toFixed(1)} | ${(cpu('bare') / cpu(variant)).toFixed(3)}`;
      rows.push(`| ${framework} | ${Math.round(rps('bare'))} | ${cpu('bare').toFixed(1)} | ${cells('sentinel')} | ${cells('sentry')} |`);
    } finally {
      for (const child of Object.values(children)) child.process.kill();
    }
  }
  sink.close();

  console.log(`Medians of ${rounds} runs of ${duration} s per variant, ${connections} connections, GET / answering a small JSON body.`);
  console.log('Throughput ratio: req/s ÷ bare req/s. CPU ratio: bare server CPU per request ÷ this variant\'s (1 = no added cost).\n');
  console.log(
    '| framework | bare req/s | bare µs CPU/req | sentinel-sdk req/s | ratio | µs CPU/req | CPU ratio | @sentry/node req/s | ratio | µs CPU/req | CPU ratio |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
}

if (process.argv[2] === '--serve') {
  const [framework, variant, sinkUrl] = process.argv.slice(3) as [Framework, Variant, string];
  const port = await serve(framework, variant, sinkUrl);
  process.on('message', () => process.send?.(process.cpuUsage()));
  process.stdout.write(`${JSON.stringify({ port })}\n`);
} else {
  await main();
}
