import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Issue, Page, StoredException } from '../src/store/contract.js';
import { spawnNode } from './helpers/child-process.js';
import { startTestGateway, TEST_API_KEY, type TestGateway } from './helpers/test-gateway.js';

let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

function runFixture(name: string) {
  const script = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  return spawnNode([script], { SENTINEL_API_KEY: TEST_API_KEY, SENTINEL_GATEWAY_URL: t.url });
}

it('receives the report of a process that crashes with the SDK hook installed', async () => {
  const child = runFixture('crash-with-hook.mjs');
  const { code } = await child.exited(15_000);
  expect(code, child.output()).not.toBe(0);
  expect(child.output()).toContain('stock for sku-42 went negative');

  const { body } = await t.getJson<Page<StoredException>>('/api/v1/exceptions?repo=acme/fixture&type=InventoryCrash');
  expect(body.items).toHaveLength(1);
  const [report] = body.items;
  expect(report).toMatchObject({ errorMessage: 'stock for sku-42 went negative', language: 'typescript' });
  expect(report?.stackTrace).toContain('crash-with-hook.mjs');

  const issue = (await t.getJson<Issue>(`/api/v1/issues/${report?.issueId}`)).body;
  expect(issue.culprit).toMatch(/^reserveStock \(.*crash-with-hook\.mjs\)$/);
});

it('returns the gateway id from captureException, with the endpoint path and scrubbed text', async () => {
  const child = runFixture('capture-and-close.mjs');
  const [, id] = await child.waitFor(/exception_id=(\S+)/, 15_000);
  expect((await child.exited()).code).toBe(0);

  const { status, body } = await t.getJson<StoredException>(`/api/v1/exceptions/${id}`);
  expect(status).toBe(200);
  expect(body).toMatchObject({ exceptionType: 'TypeError', endpoint: '/api/cart', githubRepo: 'acme/fixture' });
  expect(body.errorMessage).toBe('cart total is NaN for [EMAIL]');
  expect(body.stackTrace).not.toContain('@example.com');
});
