import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Gateway, type GatewayOptions, startGateway } from '../../src/server.js';

export const TEST_API_KEY = 'test-key-0123456789';

/** A report body as the SDK would send it; fields may be overridden or removed (`undefined`). */
export function makeReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const report: Record<string, unknown> = {
    exceptionType: 'PaymentError',
    errorMessage: 'card [CREDIT_CARD] declined for [EMAIL]',
    stackTrace: [
      'PaymentError: card [CREDIT_CARD] declined for [EMAIL]',
      '    at charge (/srv/app/pay.js:42:11)',
      '    at Layer.handle (/srv/app/node_modules/express/lib/router/layer.js:95:5)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
    ].join('\n'),
    endpoint: '/api/orders',
    timestamp: '2026-04-11T14:23:01.123000+00:00',
    githubRepo: 'owner/repo',
    language: 'typescript',
    ...overrides,
  };
  for (const [key, value] of Object.entries(report)) if (value === undefined) delete report[key];
  return report;
}

export interface TestGateway {
  gateway: Gateway;
  url: string;
  dir: string;
  dbPath: string;
  /** POSTs a JSON body (or raw string) to the ingest endpoint with the test key. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  getJson<T = unknown>(path: string): Promise<{ status: number; body: T }>;
  /** Closes the gateway and starts a new one on the same database, with `options` changed. */
  restart(options?: Partial<GatewayOptions>): Promise<void>;
  close(): Promise<void>;
}

/** Starts a gateway on port 0 with a database in a fresh temporary directory. */
export async function startTestGateway(options: Partial<GatewayOptions> = {}): Promise<TestGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-gateway-test-'));
  const dbPath = join(dir, 'sentinel.db');
  const start = (extra: Partial<GatewayOptions>) =>
    startGateway({ dbPath, port: 0, apiKey: TEST_API_KEY, ...options, ...extra });
  let gateway = await start({});
  const handle: TestGateway = {
    get gateway() {
      return gateway;
    },
    get url() {
      return gateway.url;
    },
    dir,
    dbPath,
    post(body, headers = {}) {
      return fetch(`${gateway.url}/api/v1/exceptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
    async getJson<T>(path: string) {
      const response = await fetch(`${gateway.url}${path}`);
      return { status: response.status, body: (await response.json()) as T };
    },
    async restart(extra = {}) {
      await gateway.close();
      gateway = await start(extra);
    },
    async close() {
      await gateway.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}
