import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureException, close, configure, flush } from '../../src/index';
import { createTestGateway, type TestGateway } from '../helpers/test-gateway';

let gateway: TestGateway;
const warnings: string[] = [];

beforeAll(async () => {
  gateway = await createTestGateway();
  vi.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
});
afterAll(() => gateway.close());
afterEach(async () => {
  await flush(2000);
  gateway.received.length = 0;
  warnings.length = 0;
  delete process.env.SENTINEL_ENABLED;
});

function setUp(extra: Record<string, unknown> = {}): void {
  configure({ apiKey: 'test-key', githubRepo: 'acme/shop', gatewayUrl: gateway.url, retryBackoffBaseMs: 10, ...extra });
}

class PaymentError extends Error {}

describe('the public API', () => {
  it('is a silent no-op before configure', async () => {
    expect(await captureException(new Error('early'))).toBeNull();
    expect(await flush(10)).toBe(true);
    expect(gateway.received).toHaveLength(0);
    expect(warnings).toHaveLength(0);
  });

  it("a newcomer's script: one contract-shaped request, card, email and IP scrubbed", async () => {
    setUp();
    const error = new PaymentError('card 4111 1111 1111 1111 of jane.doe@example.com from 203.0.113.42 declined');
    const id = await captureException(error, { endpoint: '/api/orders?id=3' });
    expect(await flush()).toBe(true);
    expect(id).toBe(gateway.received[0]!.json.exception_id ?? id);
    expect(gateway.received).toHaveLength(1);
    const [request] = gateway.received;
    expect(request!.headers.authorization).toBe('Bearer test-key');
    expect(Object.keys(request!.json).sort()).toEqual(['endpoint', 'errorMessage', 'exceptionType', 'githubRepo', 'language', 'stackTrace', 'timestamp']);
    expect(request!.json).toMatchObject({
      exceptionType: 'PaymentError',
      errorMessage: 'card [CREDIT_CARD] of [EMAIL] from [IP_ADDRESS] declined',
      endpoint: '/api/orders',
      githubRepo: 'acme/shop',
      language: 'typescript',
    });
    const stack = request!.json.stackTrace as string;
    expect(stack.startsWith('Error: card [CREDIT_CARD] of [EMAIL] from [IP_ADDRESS] declined\n    at ')).toBe(true);
    expect(stack).not.toMatch(/4111|jane|203\.0/);
  });

  it('resolves to the exception_id the gateway returns', async () => {
    setUp();
    expect(await captureException(new Error('x'))).toMatch(/^exc-\d+$/);
  });

  it('uses endpointLabel outside a request', async () => {
    setUp({ endpointLabel: 'worker:billing' });
    await captureException(new Error('x'));
    expect(gateway.received[0]!.json.endpoint).toBe('worker:billing');
  });

  it('reports one error object once, however often it is captured', async () => {
    setUp();
    const error = new Error('twice');
    const [a, b] = await Promise.all([captureException(error), captureException(error, { endpoint: '/x' })]);
    expect(a).toBe(b);
    expect(gateway.received).toHaveLength(1);
  });

  it('returns at once, before any I/O', () => {
    setUp();
    const pending = captureException(new Error('x'));
    expect(pending).toBeInstanceOf(Promise);
    expect(gateway.received).toHaveLength(0);
  });

  it('does nothing when disabled by option or environment', async () => {
    setUp({ enabled: false });
    expect(await captureException(new Error('x'))).toBeNull();
    process.env.SENTINEL_ENABLED = ' Off ';
    setUp();
    expect(await captureException(new Error('y'))).toBeNull();
    expect(gateway.received).toHaveLength(0);
  });

  it('throws at configure on a bad option, naming it', () => {
    expect(() => configure({ apiKey: 'k', githubRepo: 'not-a-repo' })).toThrow(/githubRepo/);
    expect(() => configure({ apiKey: 'k', githubRepo: 'a/b', timeoutMs: -1 })).toThrow(TypeError);
  });

  it('logs one warning when configured again', () => {
    setUp();
    warnings.length = 0;
    setUp();
    expect(warnings.filter((w) => w.includes('configure() called again'))).toHaveLength(1);
  });

  it('applies beforeSend: change, drop, and a throwing one', async () => {
    setUp({ beforeSend: (p: { errorMessage: string }) => ({ ...p, errorMessage: `${p.errorMessage} to ops@example.com` }) });
    await captureException(new Error('changed'));
    expect(gateway.received[0]!.json.errorMessage).toBe('changed to [EMAIL]');

    setUp({ beforeSend: () => null });
    expect(await captureException(new Error('dropped'))).toBeNull();

    setUp({ beforeSend: () => { throw new Error('bug in hook'); } });
    await captureException(new Error('unchanged'));
    expect(gateway.received.map((r) => r.json.errorMessage)).toEqual(['changed to [EMAIL]', 'unchanged']);
    expect(warnings.some((w) => w.includes('beforeSend threw'))).toBe(true);
  });

  it('with debug, logs each scrubbed payload and its delivery result, never the key', async () => {
    setUp({ debug: true });
    const id = await captureException(new Error('debug me at jane@example.com'));
    await flush();
    const lines = warnings.join('\n');
    expect(lines).toContain('"errorMessage":"debug me at [EMAIL]"');
    expect(lines).toContain(`report delivered: exception_id ${id}`);
    expect(lines).not.toContain('jane@example.com');
    expect(lines).not.toContain('test-key');
  });

  it('samples with sampleRate 0', async () => {
    setUp({ sampleRate: 0 });
    expect(await captureException(new Error('x'))).toBeNull();
    expect(gateway.received).toHaveLength(0);
  });

  it('close flushes, then stops capturing', async () => {
    setUp();
    void captureException(new Error('before close'));
    expect(await close()).toBe(true);
    expect(gateway.received).toHaveLength(1);
    expect(await captureException(new Error('after close'))).toBeNull();
    expect(gateway.received).toHaveLength(1);
  });

  it('never throws nor rejects, whatever it is given', async () => {
    setUp({ maxQueueSize: 10_000 });
    const hostile: unknown[] = [
      null,
      undefined,
      'text',
      new Proxy({}, { get() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); } }),
      Object.defineProperty(new Error('x'), 'message', { get() { throw new Error('getter'); } }),
      new Error('m'.repeat(5 * 1024 * 1024)),
    ];
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    hostile.push(cyclic);
    for (const value of hostile) await expect(captureException(value)).resolves.not.toThrow();
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.option(fc.string()), async (value, endpoint) => {
        const result = await captureException(value, endpoint === null ? undefined : { endpoint });
        expect(result === null || typeof result === 'string').toBe(true);
      }),
      { numRuns: 50 },
    );
    expect(await flush(5000)).toBe(true);
    const big = gateway.received.find((r) => (r.json.errorMessage as string).startsWith('mmm'));
    expect(Buffer.byteLength(big!.body)).toBeLessThan(200_000);
  });
});
