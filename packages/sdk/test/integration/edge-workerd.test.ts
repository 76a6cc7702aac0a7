import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers/run-fixture';
import { createTestGateway, type TestGateway } from '../helpers/test-gateway';

const workerd = createRequire(import.meta.url)('workerd') as { default: string; compatibilityDate: string; version: string };

/** The conditions bundlers resolve with: wrangler's for Cloudflare Workers, Next.js's for its edge runtime. */
const WORKERD_CONDITIONS = ['workerd', 'worker', 'browser'];
const EDGE_LIGHT_CONDITIONS = ['edge-light', 'worker', 'browser'];

let gateway: TestGateway;
let dir: string;
let running: ChildProcess | undefined;

beforeEach(async () => {
  gateway = await createTestGateway();
  dir = mkdtempSync(join(tmpdir(), 'sentinel-workerd-'));
});
afterEach(async () => {
  running?.kill();
  running = undefined;
  await gateway.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Bundles the Hono worker fixture as a bundler would for a runtime; Node.js modules stay out as imports. */
async function bundle(conditions: string[]): Promise<{ code: string; imports: string[] }> {
  const result = await build({
    entryPoints: [fixturePath('edge/hono-worker.mjs')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions,
    external: ['cloudflare:*', 'node:*'],
    metafile: true,
    logLevel: 'silent',
  });
  const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path));
  return { code: result.outputFiles[0]!.text, imports: [...new Set(imports)] };
}

/** Serves `code` as a worker on a loopback port; its only network is the loopback. */
async function serve(code: string, bindings: Record<string, string>): Promise<string> {
  writeFileSync(join(dir, 'worker.mjs'), code);
  const texts = Object.entries(bindings).map(([name, text]) => `(name = ${JSON.stringify(name)}, text = ${JSON.stringify(text)})`);
  writeFileSync(
    join(dir, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.mjs", esModule = embed "worker.mjs")],
  compatibilityDate = "${workerd.compatibilityDate}",
  bindings = [${texts.join(', ')}],
  globalOutbound = "loopback",
);
`,
  );
  const child = spawn(workerd.default, ['serve', join(dir, 'config.capnp'), '--control-fd=3'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  running = child;
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<string>((resolve, reject) => {
    let control = '';
    child.stdio[3]!.on('data', (chunk: Buffer) => {
      control += chunk.toString();
      const listening = /"event":"listen","socket":"http","port":(\d+)/.exec(control);
      if (listening) resolve(listening[1]!);
    });
    child.on('exit', (code) => reject(new Error(`workerd exited with ${code}: ${stderr}`)));
  });
  return `http://127.0.0.1:${port}`;
}

describe(`the Hono integration on workerd ${workerd.version}`, () => {
  it('bundles with no Node.js module, answers as Hono does, and reports the error scrubbed', async () => {
    const { code, imports } = await bundle(WORKERD_CONDITIONS);
    expect(imports).toEqual(['cloudflare:workers']);
    const url = await serve(code, { GATEWAY_URL: gateway.url });
    const res = await fetch(`${url}/orders/7`);
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('Internal Server Error');
    const [report] = await gateway.waitFor(1);
    expect(report!.headers.authorization).toBe('Bearer test-key');
    expect(report!.json).toMatchObject({ exceptionType: 'Error', errorMessage: 'order lookup failed for [EMAIL]', endpoint: '/orders/:id', language: 'typescript' });
  });

  it("keeps the invocation alive with cloudflare:workers' waitUntil: a retry after a 500 is delivered after the response", async () => {
    gateway.script({ status: 500 });
    const url = await serve((await bundle(WORKERD_CONDITIONS)).code, { GATEWAY_URL: gateway.url });
    expect((await fetch(`${url}/orders/7`)).status).toBe(500);
    const [first, retry] = await gateway.waitFor(2);
    expect(retry!.body).toBe(first!.body);
  });

  it('the edge-light build uses the waitUntil it is given', async () => {
    gateway.script({ status: 500 });
    const url = await serve((await bundle(EDGE_LIGHT_CONDITIONS)).code, { GATEWAY_URL: gateway.url, PASS_WAIT_UNTIL: '1' });
    expect((await fetch(`${url}/orders/7`)).status).toBe(500);
    await gateway.waitFor(2);
  });

  it('the edge-light build without waitUntil loses what is still in delivery when the response is out', async () => {
    gateway.script({ status: 500 });
    const url = await serve((await bundle(EDGE_LIGHT_CONDITIONS)).code, { GATEWAY_URL: gateway.url });
    expect((await fetch(`${url}/orders/7`)).status).toBe(500);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(gateway.received.length).toBeLessThan(2);
  });
});
