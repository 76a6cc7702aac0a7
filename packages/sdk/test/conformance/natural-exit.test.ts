import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFixture } from '../helpers/run-fixture';
import { createTestGateway, type TestGateway } from '../helpers/test-gateway';

let gateway: TestGateway;
beforeEach(async () => {
  gateway = await createTestGateway();
});
afterEach(() => gateway.close());

describe('a process that simply ends', () => {
  it('delivers what it captured before it goes, and is not held by idle sockets', async () => {
    const run = await runFixture('natural-exit.mjs', { GATEWAY_URL: gateway.url, CAPTURE: '1' });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(gateway.received).toHaveLength(1);
    // The keep-alive socket to the gateway stays open on the server side; the process must not wait for it.
    expect(run.ms).toBeLessThan(5000);
  });

  it('is held at most crashTimeoutMs by a gateway that never answers', async () => {
    gateway.fallback = 'hang';
    const run = await runFixture('natural-exit.mjs', { GATEWAY_URL: gateway.url, CAPTURE: '1', CRASH_TIMEOUT_MS: '300' });
    expect(run.code).toBe(0);
    expect(gateway.received).toHaveLength(1);
    expect(run.ms).toBeLessThan(300 + 3000);
  });

  it('is not held at all when nothing was captured', async () => {
    const run = await runFixture('natural-exit.mjs', { GATEWAY_URL: gateway.url });
    expect(run.code).toBe(0);
    expect(gateway.received).toHaveLength(0);
  });
});
