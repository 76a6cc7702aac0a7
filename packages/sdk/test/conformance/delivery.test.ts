import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { scrub } from 'sentinel-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RUNTIME, runFixture } from '../helpers/run-fixture';
import { createTestGateway, type TestGateway } from '../helpers/test-gateway';

let gateway: TestGateway;
beforeEach(async () => {
  gateway = await createTestGateway();
});
afterEach(() => gateway.close());

const CONTRACT_KEYS = ['endpoint', 'errorMessage', 'exceptionType', 'githubRepo', 'language', 'stackTrace', 'timestamp'];

describe(`configure, capture and delivery on ${RUNTIME.label}`, () => {
  it('sends the exact contract payload, scrubbed, with the gateway headers, then flushes, closes and ends', async () => {
    const run = await runFixture('conformance/capture.mjs', { GATEWAY_URL: gateway.url });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ id: 'exc-1', flushed: true, closed: true, afterClose: null });
    expect(gateway.received).toHaveLength(1);
    const [request] = gateway.received;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/api/v1/exceptions');
    expect(request!.headers).toMatchObject({ authorization: 'Bearer test-key', 'content-type': 'application/json', 'user-agent': 'sentinel-sdk' });
    const payload = request!.json;
    expect(Object.keys(payload).sort()).toEqual(CONTRACT_KEYS);
    expect(payload).toMatchObject({
      exceptionType: 'Error',
      errorMessage: 'card [CREDIT_CARD] declined for [EMAIL]',
      endpoint: '/api/orders/7',
      githubRepo: 'acme/shop',
      language: 'typescript',
    });
    expect(payload.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}000\+00:00$/);
    expect(payload.stackTrace).toMatch(/^Error: card \[CREDIT_CARD\] declined for \[EMAIL\]\n\s+at .*capture\.mjs:\d+/);
    expect(request!.body).not.toMatch(/4111|jane|token=abc/);
  });

  it('retries after a 500 and delivers the same body', async () => {
    gateway.script({ status: 500 });
    const run = await runFixture('conformance/capture.mjs', { GATEWAY_URL: gateway.url });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: 'exc-1', flushed: true });
    expect(gateway.received).toHaveLength(2);
    expect(gateway.received[1]!.body).toBe(gateway.received[0]!.body);
  });
});

describe(`scrub on ${RUNTIME.label}`, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sentinel-scrub-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const known: [string, string][] = [
    ['mail jane.doe+shop@example.co.uk now', 'mail [EMAIL] now'],
    ['card 4111-1111-1111-1111 and 5500 0000 0000 0004', 'card [CREDIT_CARD] and [CREDIT_CARD]'],
    ['from 10.0.0.1 and [2001:db8::1]:8080', 'from [IP_ADDRESS] and [IP_ADDRESS]:8080'],
    ['Authorization: Bearer abc.def.ghi', 'Authorization: Bearer [REDACTED_TOKEN]'],
    ['postgres://app:hunter2@db:5432/shop', 'postgres://app:[REDACTED_SECRET]@db:5432/shop'],
    ['{"password": "hunter2"}', '{"password": "[REDACTED_SECRET]"}'],
  ];
  const piece = fc.oneof(
    fc.emailAddress(),
    fc.ipV4(),
    fc.ipV6(),
    fc.webUrl({ withQueryParameters: true }),
    fc.constantFrom('4111 1111 1111 1111', 'password=', 'Bearer ', 'ghp_', 'sk_live_', '-----BEGIN PRIVATE KEY-----', ':', '@', '%40'),
    fc.string({ unit: 'binary' }),
  );
  const generated = fc.sample(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(' ')), { numRuns: 400, seed: 20_261_125 });

  it('gives the same output as on this Node.js, for known and generated texts', async () => {
    const samples = [...known.map(([text]) => text), ...generated];
    const file = join(dir, 'samples.json');
    writeFileSync(file, JSON.stringify(samples));
    const run = await runFixture('conformance/scrub.cjs', { SAMPLES_FILE: file });
    expect(run.stderr).toBe('');
    const scrubbed = JSON.parse(run.stdout) as string[];
    expect(scrubbed.slice(0, known.length)).toEqual(known.map(([, expected]) => expected));
    expect(scrubbed).toEqual(samples.map((text) => scrub(text)));
  });
});
