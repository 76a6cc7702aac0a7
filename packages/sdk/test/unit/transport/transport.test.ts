import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadBuiltin } from '../../../src/utils/load-builtin';
import { createHttpSend } from '../../../src/transport/http-send';
import { createLogger } from '../../../src/logger';
import { createDropTally } from '../../../src/transport/drop-tally';
import { createTransport, type TransportOptions } from '../../../src/transport/transport';
import { createTestGateway, type TestGateway } from '../../helpers/test-gateway';

const send = createHttpSend(loadBuiltin);
let gateway: TestGateway;
let warnings: string[];

function makeTransport(overrides: Partial<TransportOptions> = {}) {
  const options: TransportOptions = {
    endpointUrl: `${gateway.url}/api/v1/exceptions`,
    apiKey: 'sekret-key-123',
    timeoutMs: 1000,
    maxRetries: 3,
    retryBackoffBaseMs: 10,
    maxQueueSize: 100,
    ...overrides,
  };
  const logger = createLogger(options.apiKey, (line) => warnings.push(line));
  return createTransport(options, logger, send, createDropTally(logger));
}

beforeEach(async () => {
  gateway = await createTestGateway();
  warnings = [];
});
afterEach(() => gateway.close());

describe('transport', () => {
  it('POSTs the body with the bearer key and resolves to the exception_id', async () => {
    const delivery = await makeTransport().enqueue('{"a":1}');
    expect(delivery).toEqual({ outcome: 'delivered', id: 'exc-1' });
    const [request] = gateway.received;
    expect(request).toMatchObject({ method: 'POST', url: '/api/v1/exceptions', body: '{"a":1}' });
    expect(request!.headers.authorization).toBe('Bearer sekret-key-123');
    expect(request!.headers['content-type']).toBe('application/json');
  });

  it('resolves delivered with a null id when the gateway sends none', async () => {
    gateway.script({ status: 200, body: 'OK' });
    expect(await makeTransport().enqueue('{}')).toEqual({ outcome: 'delivered', id: null });
  });

  it.each([500, 502, 503, 408])('retries %i, then delivers', async (status) => {
    gateway.script({ status }, { status });
    expect((await makeTransport().enqueue('{}')).outcome).toBe('delivered');
    expect(gateway.received).toHaveLength(3);
  });

  it('retries a reset connection and a hung request', async () => {
    gateway.script('reset', 'hang');
    const delivery = await makeTransport({ timeoutMs: 200 }).enqueue('{}');
    expect(delivery.outcome).toBe('delivered');
    expect(gateway.received).toHaveLength(3);
  });

  it('times out a response that never ends', async () => {
    gateway.script('never-end');
    expect((await makeTransport({ timeoutMs: 200, maxRetries: 0 }).enqueue('{}')).outcome).toBe('failed');
    expect(warnings.join()).toContain('did not answer within 200 ms');
  });

  it('gives up after maxRetries retries and warns once', async () => {
    gateway.fallback = { status: 503 };
    const transport = makeTransport({ maxRetries: 2 });
    expect(await transport.enqueue('{}')).toEqual({ outcome: 'failed', id: null });
    expect(gateway.received).toHaveLength(3);
    expect(warnings.filter((w) => w.includes('dropped after 3 attempts'))).toHaveLength(1);
  });

  it('waits between retries with exponential backoff', async () => {
    gateway.script({ status: 500 }, { status: 500 });
    await makeTransport({ retryBackoffBaseMs: 40 }).enqueue('{}');
    const [a, b, c] = gateway.received.map((r) => r.at) as [number, number, number];
    expect(b - a).toBeGreaterThanOrEqual(38);
    expect(c - b).toBeGreaterThanOrEqual(78);
  });

  // Two requests go out at once (the concurrency); everything after their 429s must wait.
  it('never retries before Retry-After, and holds back other sends meanwhile', async () => {
    const limited = { status: 429, headers: { 'retry-after': '1' } };
    gateway.script(limited, limited);
    const transport = makeTransport();
    await Promise.all(['{"n":1}', '{"n":2}', '{"n":3}'].map((body) => transport.enqueue(body)));
    const [a, b, ...later] = gateway.received;
    expect(later).toHaveLength(3);
    for (const request of later) expect(request.at - Math.max(a!.at, b!.at)).toBeGreaterThanOrEqual(990);
  });

  it('pauses globally on 429 without Retry-After too', async () => {
    gateway.script({ status: 429 }, { status: 429 });
    const transport = makeTransport({ retryBackoffBaseMs: 100 });
    await Promise.all(['{"n":1}', '{"n":2}', '{"n":3}'].map((body) => transport.enqueue(body)));
    const [a, b, ...later] = gateway.received;
    expect(later).toHaveLength(3);
    for (const request of later) expect(request.at - Math.max(a!.at, b!.at)).toBeGreaterThanOrEqual(95);
  });

  it.each([400, 404, 413, 422])('does not retry %i and says what to fix', async (status) => {
    gateway.script({ status });
    expect(await makeTransport().enqueue('{}')).toEqual({ outcome: 'rejected', id: null });
    expect(gateway.received).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/check gatewayUrl/);
  });

  it('on 401 warns to check the API key, without ever printing it, and stops after a few', async () => {
    gateway.fallback = { status: 401 };
    const transport = makeTransport();
    for (let i = 0; i < 6; i++) await transport.enqueue('{}');
    expect(gateway.received).toHaveLength(3);
    expect(warnings.join('\n')).toContain('check apiKey');
    expect(warnings.join('\n')).toContain('stopped sending');
    expect(warnings.join('\n')).not.toContain('sekret-key-123');
  });

  it('warns once per cause, not once per report', async () => {
    gateway.fallback = { status: 400 };
    const transport = makeTransport();
    await Promise.all(Array.from({ length: 20 }, () => transport.enqueue('{}')));
    expect(warnings).toHaveLength(1);
  });

  it('drops and counts beyond maxQueueSize, never growing unbounded', async () => {
    gateway.fallback = 'hang';
    const transport = makeTransport({ maxQueueSize: 5, timeoutMs: 5000 });
    const results = Array.from({ length: 50 }, () => transport.enqueue('{}'));
    const dropped = await Promise.all(results.slice(7));
    expect(dropped.every((d) => d.outcome === 'failed')).toBe(true);
    expect(transport.pendingBodies()).toHaveLength(7);
    expect(warnings.filter((w) => w.includes('delivery queue was full'))).toHaveLength(1);
  });

  it('limits concurrency', async () => {
    gateway.fallback = 'hang';
    const transport = makeTransport({ timeoutMs: 5000 });
    for (let i = 0; i < 10; i++) void transport.enqueue('{}');
    await gateway.waitFor(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(gateway.received).toHaveLength(2);
  });

  it('opens the circuit after a burst of failures: the rest wait, unsent', async () => {
    gateway.fallback = { status: 500 };
    const transport = makeTransport({ maxRetries: 0 });
    const deliveries = Array.from({ length: 10 }, () => transport.enqueue('{}'));
    await Promise.all(deliveries.slice(0, 5));
    // The fifth failure in a row opens the circuit; at most the one already in flight went on.
    expect(gateway.received.length).toBeLessThanOrEqual(6);
    expect(transport.pendingBodies().length).toBeGreaterThanOrEqual(4);
  });

  it('half-opens after the pause: one probe alone; a failed probe doubles the pause; then the queue drains', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      gateway.fallback = { status: 500 };
      const transport = makeTransport({ maxRetries: 0 });
      const deliveries = Array.from({ length: 12 }, (_, i) => transport.enqueue(`{"n":${i}}`));
      // Two at a time: the fifth failure opens the circuit with the sixth request in flight.
      await Promise.all(deliveries.slice(0, 6));
      expect(gateway.received).toHaveLength(6);

      vi.advanceTimersByTime(4_999);
      await new Promise((resolve) => setImmediate(resolve));
      expect(gateway.received).toHaveLength(6);
      vi.advanceTimersByTime(1);
      expect((await deliveries[6])!.outcome).toBe('failed');
      expect(gateway.received).toHaveLength(7);

      gateway.fallback = { status: 201 };
      vi.advanceTimersByTime(9_999);
      await new Promise((resolve) => setImmediate(resolve));
      expect(gateway.received).toHaveLength(7);
      vi.advanceTimersByTime(1);
      const rest = await Promise.all(deliveries.slice(7));
      expect(rest.every((d) => d.outcome === 'delivered')).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('flush resolves true once settled, false on timeout', async () => {
    const transport = makeTransport();
    void transport.enqueue('{}');
    expect(await transport.flush(2000)).toBe(true);
    gateway.fallback = 'hang';
    void transport.enqueue('{}');
    const started = Date.now();
    expect(await transport.flush(100)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await makeTransport().flush(10)).toBe(true);
  });

  it('reads at most 64 KiB of a huge answer', async () => {
    gateway.script({ status: 200, body: 'x'.repeat(5_000_000) });
    expect(await makeTransport().enqueue('{}')).toEqual({ outcome: 'delivered', id: null });
  });

  it('accepts nothing after close', async () => {
    const transport = makeTransport();
    transport.close();
    expect(await transport.enqueue('{}')).toEqual({ outcome: 'failed', id: null });
    expect(gateway.received).toHaveLength(0);
  });

  it('retries when the gateway is unreachable, and warns with the cause', async () => {
    await gateway.close();
    const delivery = await makeTransport({ maxRetries: 1 }).enqueue('{}');
    expect(delivery.outcome).toBe('failed');
    expect(warnings.join()).toMatch(/cannot reach the gateway .*ECONNREFUSED.*check gatewayUrl/);
  });
});
