import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.js';
import { makeReport, startTestGateway, type TestGateway } from './helpers/test-gateway.js';

const HOSTILE_MESSAGE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

let browser: Browser;
let t: TestGateway;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

beforeEach(async () => {
  t = await startTestGateway();
  page = await browser.newPage();
  page.setDefaultTimeout(8_000);
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
});
afterEach(async () => {
  await page.close();
  await t.close();
});

it('shows a group that arrives while the page is open, and its stack with in-app frames marked', async () => {
  await page.goto(`${t.url}/`);
  await page.getByText('No reports yet').waitFor();
  await page.locator('#live[data-state="live"]').waitFor();

  expect((await t.post(makeReport({ errorMessage: 'card declined live' }))).status).toBe(201);
  const row = page.locator('.issue');
  await row.filter({ hasText: 'card declined live' }).waitFor();
  expect(await row.locator('.count').textContent()).toBe('1');

  await t.post(makeReport({ errorMessage: 'card declined again' }));
  await row.filter({ hasText: 'card declined again' }).waitFor();
  expect(await row.locator('.count').textContent()).toBe('2');

  await row.locator('a').click();
  await page.locator('pre.stack').waitFor();
  const inApp = await page.locator('pre.stack .line.in-app').allTextContents();
  expect(inApp).toEqual(['    at charge (/srv/app/pay.js:42:11)']);
  expect(await page.locator('pre.stack .line:not(.in-app)').count()).toBe(3);
  expect(await page.locator('table.occurrences tbody tr').count()).toBe(2);
  expect(pageErrors).toEqual([]);
});

it('renders markup in a report as inert text', async () => {
  const stackTrace = `Error: ${HOSTILE_MESSAGE}\n    at x (/srv/app/x.js:1:1)`;
  await t.post(makeReport({ errorMessage: HOSTILE_MESSAGE, stackTrace }));
  await page.goto(`${t.url}/`);
  await page.locator('.issue .message', { hasText: '<script>window.__pwned = 1</script>' }).waitFor();
  await page.locator('.issue a').click();
  await page.locator('pre.stack', { hasText: 'onerror="window.__pwned = 2"' }).waitFor();

  expect(await page.locator('.issue-head .message').textContent()).toBe(HOSTILE_MESSAGE);
  expect(await page.locator('main script, main img').count()).toBe(0);
  expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

it('is served with a Content-Security-Policy that forbids inline code other than its own', async () => {
  const response = await page.goto(`${t.url}/`);
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("default-src 'none'");
  expect(policy).toMatch(/script-src 'sha256-[^']+'(;|$)/);
  expect(policy).not.toContain('unsafe-inline');
  expect(response?.headers()).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  });
  const blocked = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    return (globalThis as { __injected?: unknown }).__injected;
  });
  expect(blocked).toBeUndefined();
});
