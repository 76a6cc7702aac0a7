import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureException, close, configure, InvalidOptionError } from '../../src/edge';
import { createTestGateway, type TestGateway } from '../helpers/test-gateway';

let gateway: TestGateway;
beforeEach(async () => {
  gateway = await createTestGateway();
});
afterEach(async () => {
  await close();
  await gateway.close();
});

describe('the edge build', () => {
  it('delivers over fetch, and hands waitUntil a promise that settles once the queue is empty', async () => {
    const held: Promise<unknown>[] = [];
    configure({ apiKey: 'k', githubRepo: 'acme/shop', gatewayUrl: gateway.url, waitUntil: (promise) => void held.push(promise) });
    await expect(captureException(new Error('at the edge'))).resolves.toBe('exc-1');
    expect(held).toHaveLength(1);
    await expect(held[0]).resolves.toBe(true);
    expect(gateway.received[0]!.json).toMatchObject({ errorMessage: 'at the edge' });
  });

  it('refuses a waitUntil that is not a function, naming it', () => {
    expect(() => configure({ apiKey: 'k', githubRepo: 'acme/shop', waitUntil: 'soon' as never })).toThrow(InvalidOptionError);
    expect(() => configure({ apiKey: 'k', githubRepo: 'acme/shop', waitUntil: 'soon' as never })).toThrow(/waitUntil/);
  });
});
