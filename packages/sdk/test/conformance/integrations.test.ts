import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixturePath, RUNTIME, runtimeArgs } from '../helpers/run-fixture';
import { createTestGateway, type TestGateway } from '../helpers/test-gateway';

let gateway: TestGateway;
beforeEach(async () => {
  gateway = await createTestGateway();
});
afterEach(() => gateway.close());

// Fastify 5 and @hono/node-server 2 need Node.js 20 or later.
const FRAMEWORKS = ['express', 'express4', 'koa', 'http', ...(RUNTIME.nodeMajor >= 20 ? ['fastify', 'hono'] : [])];
const PATHS = ['/ok', '/sync', '/async/7?token=abc', '/bad-request', '/unavailable', '/missing'];

interface App {
  url: string;
  child: ChildProcess;
}

/** Starts the fixture app of `framework` in a child process of the runtime under test. */
async function startApp(framework: string, withSdk: boolean): Promise<App> {
  const child = spawn(RUNTIME.bin, runtimeArgs(fixturePath('conformance/serve-app.mjs')), {
    env: { ...process.env, NODE_OPTIONS: '', FRAMEWORK: framework, WITH_SDK: withSdk ? '1' : '', GATEWAY_URL: gateway.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await Promise.race([once(lines, 'line'), once(child, 'close').then(() => [undefined])])) as [string | undefined];
  if (line === undefined) throw new Error(`${framework} app did not start:\n${stderr}`);
  return { url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`, child };
}

async function answer(app: App, path: string): Promise<{ status: number; type: string | null; body: string }> {
  const response = await fetch(app.url + path);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

async function stop(app: App | undefined): Promise<void> {
  if (app === undefined || app.child.exitCode !== null) return;
  const closed = once(app.child, 'close');
  app.child.kill();
  await closed;
}

describe(`framework integrations on ${RUNTIME.label}`, () => {
  it.each(FRAMEWORKS)('%s: answers exactly as without the integration and reports only the server errors', async (framework) => {
    let bare: App | undefined;
    let instrumented: App | undefined;
    try {
      [bare, instrumented] = await Promise.all([startApp(framework, false), startApp(framework, true)]);
      for (const path of PATHS) expect(await answer(instrumented, path), path).toEqual(await answer(bare, path));
      expect((await answer(bare, '/ok')).status).toBe(200);
      expect((await answer(bare, '/sync')).status).toBe(500);
      // A plain node:http server answers 500 to any rejected listener (on Deno, the app does); the error is still not reported.
      expect((await answer(bare, '/bad-request')).status).toBe(framework === 'http' ? 500 : 400);
      expect((await answer(bare, '/missing')).status).toBe(404);
      expect(JSON.parse((await answer(instrumented, '/flush')).body)).toEqual({ flushed: true });

      const reports = gateway.received.map((request) => request.json).sort((a, b) => String(a.endpoint).localeCompare(String(b.endpoint)));
      expect(reports.map(({ endpoint, exceptionType, errorMessage }) => ({ endpoint, exceptionType, errorMessage }))).toEqual([
        { endpoint: '/async/7', exceptionType: 'TypeError', errorMessage: 'async failure' },
        { endpoint: '/sync', exceptionType: 'Error', errorMessage: 'sync failure for [EMAIL]' },
        { endpoint: '/unavailable', exceptionType: framework === 'hono' ? 'HTTPException' : 'Error', errorMessage: 'card processor down' },
      ]);
    } finally {
      await Promise.all([stop(bare), stop(instrumented)]);
    }
  });
});
