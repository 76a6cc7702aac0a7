import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { fingerprintReport } from '../src/report/fingerprint.js';
import type { ExceptionReport } from '../src/report/validate-report.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
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

async function openStack(report: Record<string, unknown>): Promise<void> {
  expect((await t.post(report)).status).toBe(201);
  await openFirstStack();
}

async function openFirstStack(): Promise<void> {
  await page.goto(`${t.url}/`);
  await page.locator('.issue a').click();
  await page.locator('pre.stack').waitFor();
}

function stackLinks(): Promise<{ text: string; href: string; rel: string; target: string }[]> {
  return page.locator('pre.stack a').evaluateAll((anchors) =>
    anchors.map((a) => ({
      text: a.textContent ?? '',
      href: a.getAttribute('href') ?? '',
      rel: a.getAttribute('rel') ?? '',
      target: a.getAttribute('target') ?? '',
    })),
  );
}

async function expectStackShownAsText(stackTrace: string): Promise<void> {
  expect(await page.locator('pre.stack .line').allTextContents()).toEqual(stackTrace.split('\n'));
  expect(await page.locator('main script, main img, main iframe, main [onerror]').count()).toBe(0);
  expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(pageErrors).toEqual([]);
}

it('links frames in files of the repository to their line on GitHub, and no other frame', async () => {
  const stackTrace = [
    'TypeError: order has no total',
    '    at placeOrder (src/orders/place.ts:14:11)',
    '    at Layer.handle (node_modules/express/lib/router/layer.js:95:5)',
    '    at node:internal/process/task_queues:95:5',
    '    at src/routes/checkout.ts:8:3',
    '    at load (/usr/lib/x.js:1:1)',
    '    at boot (file:///opt/x.mjs:2:2)',
    '    at JSON.parse (<anonymous>)',
  ].join('\n');
  await openStack(makeReport({ stackTrace, githubRepo: 'acme/shop' }));

  const rel = 'noopener noreferrer';
  expect(await stackLinks()).toEqual([
    {
      text: 'src/orders/place.ts:14:11',
      href: 'https://github.com/acme/shop/blob/HEAD/src/orders/place.ts#L14',
      rel,
      target: '_blank',
    },
    {
      text: 'src/routes/checkout.ts:8:3',
      href: 'https://github.com/acme/shop/blob/HEAD/src/routes/checkout.ts#L8',
      rel,
      target: '_blank',
    },
  ]);
  expect(await page.locator('pre.stack .line.in-app a').count()).toBe(2);
  await expectStackShownAsText(stackTrace);
});

it('gives hostile frame paths no link or one that stays on GitHub, and inserts no element', async () => {
  const stackTrace = [
    'Error: hostile paths',
    '    at a (javascript:alert(1))',
    '    at javascript:window.__pwned=1:1:1',
    '    at b ("><img src=x onerror="window.__pwned=2">:1:1)',
    '    at c (//evil.example/x:1:1)',
    '    at d (src/../../x:1:1)',
    '    at e (src\\..\\x.ts:1:1)',
    '    at f (https://evil.example/x.js:1:1)',
  ].join('\n');
  await openStack(makeReport({ stackTrace, githubRepo: 'acme/shop' }));

  const links = await stackLinks();
  expect(links.map((link) => link.href)).toEqual([
    'https://github.com/acme/shop/blob/HEAD/%22%3E%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D2%22%3E#L1',
  ]);
  await expectStackShownAsText(stackTrace);
});

it('links nothing for a stored report whose repository is not owner/repo', async () => {
  const githubRepo = 'a/b"><script>window.__pwned=1</script>';
  expect((await t.post(makeReport({ githubRepo }))).status).toBe(400);
  // The gateway refuses such a report; one written to the database by other means still gets no link.
  const stackTrace = 'Error: x\n    at placeOrder (src/orders/place.ts:14:11)';
  const report = makeReport({ githubRepo, stackTrace }) as unknown as ExceptionReport;
  const store = openSqliteStore(t.dbPath);
  try {
    await store.record({ report, occurredAt: Date.now(), receivedAt: Date.now(), ...fingerprintReport(report) });
  } finally {
    store.close();
  }
  await openFirstStack();

  expect(await page.locator('.facts', { hasText: githubRepo }).count()).toBe(1);
  expect(await stackLinks()).toEqual([]);
  await expectStackShownAsText(stackTrace);
});

it('turns no link the page is given into anything but a GitHub link', async () => {
  const hostile = ['javascript:window.__pwned=1', '//evil.example/x', '/api/v1/issues', 'https://github.com.evil.example/x'];
  const stackTrace = ['Error: x', ...hostile.map((_, i) => `    at f${i} (src/f${i}.ts:1:1)`)].join('\n');
  // Stands for a gateway that sends wrong links: the page must check them itself.
  await page.route(/\/api\/v1\/exceptions\/[^/?]+$/, async (route) => {
    const body = (await (await route.fetch()).json()) as { stackLines: { link?: { href: string } }[] };
    for (const [i, line] of body.stackLines.slice(1).entries()) if (line.link) line.link.href = hostile[i] ?? '';
    await route.fulfill({ json: body });
  });
  await openStack(makeReport({ stackTrace }));

  expect(await stackLinks()).toEqual([]);
  await expectStackShownAsText(stackTrace);
});
