import { existsSync } from 'node:fs';
import { request } from 'node:http';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../src/cli-args.js';
import type { Page, StoredException } from '../src/store/contract.js';
import { SCHEMA_VERSION } from '../src/store/migrations.js';
import { spawnGatewayCli } from './helpers/child-process.js';
import { makeReport, startTestGateway, TEST_API_KEY, type TestGateway } from './helpers/test-gateway.js';

let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('storage', () => {
  it('keeps reports and groups across a restart', async () => {
    t = await startTestGateway();
    const response = await t.post(makeReport());
    const { exception_id: id } = (await response.json()) as { exception_id: string };
    await t.restart();
    expect((await t.getJson(`/api/v1/exceptions/${id}`)).status).toBe(200);
    await t.post(makeReport());
    expect((await t.getJson<Page<{ count: number }>>('/api/v1/issues')).body.items).toMatchObject([{ count: 2 }]);
  });

  it('uses WAL mode and records the schema version', async () => {
    t = await startTestGateway();
    const db = new Database(t.dbPath, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer schema', async () => {
    t = await startTestGateway();
    await t.gateway.close();
    const db = new Database(t.dbPath);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    await expect(t.restart()).rejects.toThrow(/newer than this gateway supports/);
    await t.restart({ dbPath: `${t.dir}/other.db` });
  });

  it('generates an API key once and reuses it from the database', async () => {
    t = await startTestGateway({ apiKey: undefined });
    const { apiKey } = t.gateway;
    expect(t.gateway.apiKeyGenerated).toBe(true);
    expect(apiKey).toMatch(/^sgw_[\w-]{43}$/);
    await t.restart({ apiKey: undefined });
    expect(t.gateway.apiKey).toBe(apiKey);
    const response = await t.post(makeReport(), { authorization: `Bearer ${apiKey}` });
    expect(response.status).toBe(201);
    expect((await t.post(makeReport())).status).toBe(401);
  });
});

describe('shutdown', () => {
  it('ends live event streams so close() does not hang', async () => {
    t = await startTestGateway();
    const response = await fetch(`${t.url}/api/v1/events`);
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('event: ready');
    await t.gateway.close();
    let done = false;
    while (!done) ({ done } = await reader.read());
  });

  it('on SIGTERM finishes the in-flight request, closes the database and exits 0', async () => {
    t = await startTestGateway();
    const dbPath = `${t.dir}/cli.db`;
    const child = spawnGatewayCli(['--port', '0', '--db', dbPath, '--api-key', TEST_API_KEY]);
    const [, url] = await child.waitFor(/listening on (http:\/\/\S+)/);
    const body = JSON.stringify(makeReport({ errorMessage: 'in flight at SIGTERM' }));

    // `Expect: 100-continue` makes the server confirm it is handling the request before the body is sent.
    const req = request(`${url}/api/v1/exceptions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TEST_API_KEY}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        expect: '100-continue',
      },
    });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      req.on('error', reject);
    });
    await new Promise<void>((resolve) => req.once('continue', resolve));
    child.process.kill('SIGTERM');
    await child.waitFor(/SIGTERM received/);
    req.end(body);

    const { status, text } = await answered;
    expect(status).toBe(201);
    expect(await child.exited()).toEqual({ code: 0, signal: null });
    expect(child.output()).toContain('database closed');
    expect(existsSync(`${dbPath}-wal`)).toBe(false);

    const db = new Database(dbPath, { readonly: true });
    try {
      const row = db.prepare('SELECT error_message FROM exceptions WHERE id = ?').get(JSON.parse(text).exception_id);
      expect(row).toEqual({ error_message: 'in flight at SIGTERM' });
    } finally {
      db.close();
    }
  });
});

describe('command line', () => {
  it('prints the generated key and the configure snippet', async () => {
    t = await startTestGateway();
    const child = spawnGatewayCli(['--port', '0', '--db', `${t.dir}/banner.db`, '--repos', 'acme/shop,acme/api']);
    try {
      const [, url] = await child.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const [, key] = await child.waitFor(/API key\s+(sgw_\S+)/);
      const snippet =
        `import { configure, installHook } from 'sentinel-sdk'; ` +
        `configure({ apiKey: '${key}', githubRepo: 'acme/shop', gatewayUrl: '${url}' });`;
      expect(child.output()).toContain(snippet);
      expect(child.output()).toContain('accepts   acme/shop, acme/api');
    } finally {
      child.process.kill('SIGINT');
      expect(await child.exited()).toEqual({ code: 0, signal: null });
    }
  });

  it('parses flags with loopback defaults', () => {
    expect(parseCliArgs([])).toEqual({
      port: 8787,
      host: '127.0.0.1',
      db: './sentinel.db',
      apiKey: undefined,
      repos: undefined,
      help: false,
    });
    expect(parseCliArgs(['--port', '0', '--repos', 'a/b, c/d', '--api-key', 'k'])).toMatchObject({
      port: 0,
      repos: ['a/b', 'c/d'],
      apiKey: 'k',
    });
  });

  it.each([
    [['--port', '70000']],
    [['--port', 'x']],
    [['--repos', 'nope']],
    [['--repos', ',']],
    [['--api-key', '']],
    [['--verbose']],
    [['extra']],
  ])('rejects %j', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
  });
});

describe('response to the SDK contract', () => {
  it('serves stored reports with the contract field names', async () => {
    t = await startTestGateway();
    await t.post(makeReport());
    const { body } = await t.getJson<Page<StoredException>>('/api/v1/exceptions');
    expect(Object.keys(body.items[0] ?? {}).sort()).toEqual([
      'endpoint',
      'errorMessage',
      'exceptionType',
      'githubRepo',
      'id',
      'issueId',
      'language',
      'receivedAt',
      'stackTrace',
      'timestamp',
    ]);
  });
});
