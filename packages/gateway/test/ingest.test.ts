import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../src/http/errors.js';
import { REPORT_FIELDS } from '../src/report/validate-report.js';
import { MAX_BODY_BYTES } from '../src/server.js';
import { makeReport, startTestGateway, type TestGateway } from './helpers/test-gateway.js';

let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway({ repos: ['owner/repo', 'Acme/Shop'] });
});
afterAll(() => t.close());

async function expectError(response: Response, status: number, error: string, field?: string): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as ErrorBody;
  expect(body.error).toBe(error);
  expect(body.message).toEqual(expect.any(String));
  if (field !== undefined) expect(body.field).toBe(field);
  return body;
}

/** Sends a body without Content-Length (chunked), chunk by chunk; resolves with the status. */
function postChunked(url: string, chunk: Buffer, chunks: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/v1/exceptions`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-key-0123456789', 'content-type': 'application/json' },
    });
    req.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    // The server may cut the upload short once it has answered; only a missing answer is a failure.
    req.on('error', (error) => setImmediate(() => reject(error)));
    let sent = 0;
    const writeMore = (): void => {
      while (sent < chunks) {
        sent += 1;
        if (!req.write(chunk)) return void req.once('drain', writeMore);
      }
      req.end();
    };
    writeMore();
  });
}

describe('authentication', () => {
  it('answers 401 without an Authorization header', async () => {
    const response = await t.post(makeReport(), { authorization: '' });
    await expectError(response, 401, 'unauthorized');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers 401 for a wrong key, a key prefix and a non-Bearer scheme', async () => {
    const headers = ['Bearer wrong', 'Bearer test-key', 'Basic test-key-0123456789', 'test-key-0123456789'];
    for (const authorization of headers) {
      await expectError(await t.post(makeReport(), { authorization }), 401, 'unauthorized');
    }
  });

  it('accepts the scheme in any case', async () => {
    const response = await t.post(makeReport(), { authorization: 'bearer test-key-0123456789' });
    expect(response.status).toBe(201);
  });
});

describe('repository allowlist', () => {
  it('answers 403 for a repository outside --repos', async () => {
    const response = await t.post(makeReport({ githubRepo: 'someone/else' }));
    await expectError(response, 403, 'repository_not_allowed', 'githubRepo');
  });

  it('matches repositories without regard to case', async () => {
    expect((await t.post(makeReport({ githubRepo: 'acme/shop' }))).status).toBe(201);
  });
});

describe('payload validation', () => {
  it('answers 400 invalid_json for a body that is not JSON', async () => {
    await expectError(await t.post('{"exceptionType": '), 400, 'invalid_json');
    await expectError(await t.post(''), 400, 'invalid_json');
  });

  it.each([['null'], ['[]'], ['"text"'], ['42']])('answers 400 for the non-object body %s', async (body) => {
    const error = await expectError(await t.post(body), 400, 'invalid_payload');
    expect(error.field).toBeUndefined();
  });

  it.each(REPORT_FIELDS.map((field) => [field]))('answers 400 naming %s when it is missing', async (field) => {
    await expectError(await t.post(makeReport({ [field]: undefined })), 400, 'invalid_payload', field);
  });

  it.each(REPORT_FIELDS.map((field) => [field]))('answers 400 naming %s when it is not a string', async (field) => {
    for (const value of [null, 7, true, ['x'], { text: 'x' }]) {
      await expectError(await t.post(makeReport({ [field]: value })), 400, 'invalid_payload', field);
    }
  });

  it('rejects an unknown field, naming it', async () => {
    const error = await expectError(await t.post(makeReport({ userId: '42' })), 400, 'invalid_payload', 'userId');
    expect(error.message).toContain('unknown field');
  });

  it('rejects __proto__ as an unknown field', async () => {
    const body = JSON.stringify(makeReport()).replace(/^\{/, '{"__proto__":{"x":"1"},');
    await expectError(await t.post(body), 400, 'invalid_payload', '__proto__');
  });

  it.each([
    ['exceptionType', ' '],
    ['githubRepo', ''],
    ['githubRepo', 'no-slash'],
    ['githubRepo', 'a/b/c'],
    ['language', ''],
    ['timestamp', 'yesterday'],
    ['timestamp', '2026-04-11 14:23:01'],
    ['timestamp', '2026-04-11T14:23:01'],
    ['timestamp', '2026-13-45T14:23:01Z'],
  ])('answers 400 naming %s for the value %j', async (field, value) => {
    await expectError(await t.post(makeReport({ [field]: value })), 400, 'invalid_payload', field);
  });

  it('accepts empty message, stack and endpoint, any language and timestamps of three or six digits', async () => {
    const variants = [
      makeReport({ errorMessage: '', stackTrace: '', endpoint: '' }),
      makeReport({ language: 'python', timestamp: '2026-04-11T14:23:01.123456+00:00' }),
      makeReport({ timestamp: '2026-04-11T14:23:01.123Z' }),
    ];
    for (const report of variants) expect((await t.post(report)).status).toBe(201);
  });
});

describe('body size', () => {
  function reportOfSize(bytes: number): string {
    const base = JSON.stringify(makeReport({ errorMessage: '' }));
    return JSON.stringify(makeReport({ errorMessage: 'x'.repeat(bytes - base.length) }));
  }

  it('accepts a body of exactly 1 MiB', async () => {
    const body = reportOfSize(MAX_BODY_BYTES);
    expect(Buffer.byteLength(body)).toBe(MAX_BODY_BYTES);
    expect((await t.post(body)).status).toBe(201);
  });

  it('answers 413 for a declared length one byte over 1 MiB', async () => {
    const response = await t.post(reportOfSize(MAX_BODY_BYTES + 1));
    await expectError(response, 413, 'payload_too_large');
    expect(response.headers.get('connection')).toBe('close');
  });

  it('answers 413 to a chunked upload once it passes 1 MiB, without waiting for its end', async () => {
    // 64 MiB announced in 64 KiB chunks; the answer must come long before all of it is sent.
    const status = await postChunked(t.url, Buffer.alloc(64 * 1024, 'x'), 1024);
    expect(status).toBe(413);
  });

  it('accepts a chunked upload under the limit', async () => {
    const body = Buffer.from(JSON.stringify(makeReport()));
    expect(await postChunked(t.url, body, 1)).toBe(201);
  });
});

describe('accepted reports', () => {
  it('answers 201 with the stored exception id', async () => {
    const response = await t.post(makeReport({ errorMessage: 'stored as sent' }));
    expect(response.status).toBe(201);
    const { exception_id: id } = (await response.json()) as { exception_id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await t.getJson<Record<string, unknown>>(`/api/v1/exceptions/${id}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ ...makeReport({ errorMessage: 'stored as sent' }), id });
  });
});
