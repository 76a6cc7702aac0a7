import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetchSend } from '../../../src/transport/fetch-send';
import { gatewayHeaders } from '../../../src/transport/http-send';
import { createTestGateway, type TestGateway } from '../../helpers/test-gateway';

const send = createFetchSend();
let gateway: TestGateway;
beforeEach(async () => {
  gateway = await createTestGateway();
});
afterEach(() => gateway.close());

const post = (timeoutMs = 1000) => send({ url: `${gateway.url}/api/v1/exceptions`, headers: gatewayHeaders('k'), body: '{"a":1}', timeoutMs });

describe('createFetchSend', () => {
  it('POSTs the body with the headers, and resolves with the status, Retry-After and body', async () => {
    gateway.script({ status: 429, headers: { 'retry-after': '7' }, body: '{}' });
    await expect(post()).resolves.toEqual({ status: 429, retryAfter: '7', body: '{}' });
    expect(gateway.received[0]).toMatchObject({ method: 'POST', body: '{"a":1}' });
    expect(gateway.received[0]!.headers).toMatchObject({ authorization: 'Bearer k', 'content-type': 'application/json', 'user-agent': 'sentinel-sdk' });
  });

  it('reads at most 64 KiB of an answer', async () => {
    gateway.script({ status: 201, body: 'x'.repeat(200_000) });
    expect((await post()).body).toHaveLength(65_536);
  });

  it('rejects with code ETIMEDOUT when no answer comes within timeoutMs', async () => {
    gateway.fallback = 'hang';
    const started = Date.now();
    await expect(post(200)).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("rejects with the runtime's code when the gateway cannot be reached", async () => {
    await gateway.close();
    await expect(post()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
