/**
 * @module Renders docs/gateway.png: the page of a gateway holding a handful of sample reports.
 * Run from the repository root: node --import tsx packages/gateway/scripts/screenshot.ts
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGateway } from '../src/server.js';
import { launchChromium } from '../test/helpers/browser.js';

const OUTPUT = fileURLToPath(new URL('../../../docs/gateway.png', import.meta.url));
const API_KEY = 'screenshot-key';
const MINUTE = 60_000;

interface Sample {
  exceptionType: string;
  errorMessage: string;
  frames: string[];
  endpoint: string;
  githubRepo: string;
  language?: string;
  minutesAgo: number[];
}

const SAMPLES: Sample[] = [
  {
    exceptionType: 'PaymentDeclinedError',
    errorMessage: 'card [CREDIT_CARD] declined for [EMAIL]',
    frames: [
      'chargeCard (/srv/shop/src/payments/charge.js:48:11)',
      'checkout (/srv/shop/src/routes/checkout.js:22:5)',
      'Layer.handle [as handle_request] (/srv/shop/node_modules/express/lib/router/layer.js:95:5)',
    ],
    endpoint: '/api/checkout',
    githubRepo: 'acme/shop',
    minutesAgo: [0.2, 3, 9, 14, 31, 47, 58],
  },
  {
    exceptionType: 'TypeError',
    errorMessage: "Cannot read properties of undefined (reading 'total')",
    frames: [
      'orderTotal (/srv/shop/src/orders/totals.js:17:30)',
      'getOrder (/srv/shop/src/routes/orders.js:41:19)',
      'process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
    ],
    endpoint: '/api/orders/1042',
    githubRepo: 'acme/shop',
    minutesAgo: [1.5, 6, 22],
  },
  {
    exceptionType: 'InventoryError',
    errorMessage: 'stock for sku-1042 went negative',
    frames: [
      'reserveStock (/srv/shop/src/inventory/reserve.js:63:9)',
      'Timeout._onTimeout (/srv/shop/src/jobs/restock.js:12:3)',
      'listOnTimeout (node:internal/timers:573:17)',
    ],
    endpoint: '<unknown>',
    githubRepo: 'acme/shop',
    minutesAgo: [4],
  },
  {
    exceptionType: 'ValueError',
    errorMessage: 'invalid literal for int() with base 10: [REDACTED_SECRET]',
    frames: [],
    endpoint: '/v1/invoices',
    githubRepo: 'acme/billing',
    language: 'python',
    minutesAgo: [12, 40],
  },
  {
    exceptionType: 'AbortError',
    errorMessage: 'The operation was aborted due to timeout',
    frames: ['fetchRates (/srv/shop/src/clients/fx.js:29:13)', 'async convert (/srv/shop/src/routes/prices.js:8:17)'],
    endpoint: '/api/prices',
    githubRepo: 'acme/shop',
    minutesAgo: [75, 90],
  },
];

function stackTrace(sample: Sample): string {
  if (sample.language === 'python') {
    return [
      'Traceback (most recent call last):',
      '  File "/srv/billing/app/views.py", line 88, in create_invoice',
      '    amount = parse_amount(payload["amount"])',
      '  File "/srv/billing/app/money.py", line 14, in parse_amount',
      '    return int(raw)',
      `ValueError: ${sample.errorMessage}`,
    ].join('\n');
  }
  const header = `${sample.exceptionType}: ${sample.errorMessage}`;
  return [header, ...sample.frames.map((frame) => `    at ${frame}`)].join('\n');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-screenshot-'));
  const gateway = await startGateway({ dbPath: join(dir, 'sentinel.db'), port: 0, apiKey: API_KEY });
  const browser = await launchChromium();
  try {
    const reports = SAMPLES.flatMap((sample) => sample.minutesAgo.map((minutes) => ({ sample, minutes })));
    reports.sort((a, b) => b.minutes - a.minutes);
    for (const { sample, minutes } of reports) {
      const response = await fetch(`${gateway.url}/api/v1/exceptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          exceptionType: sample.exceptionType,
          errorMessage: sample.errorMessage,
          stackTrace: stackTrace(sample),
          endpoint: sample.endpoint,
          timestamp: new Date(Date.now() - minutes * MINUTE).toISOString().replace('Z', '000+00:00'),
          githubRepo: sample.githubRepo,
          language: sample.language ?? 'typescript',
        }),
      });
      if (response.status !== 201) throw new Error(`sample report refused: ${response.status}`);
    }
    const page = await browser.newPage({ viewport: { width: 1200, height: 560 }, deviceScaleFactor: 2 });
    await page.goto(`${gateway.url}/`);
    await page.locator('#live[data-state="live"]').waitFor();
    await page.locator('.issue').nth(SAMPLES.length - 1).waitFor();
    mkdirSync(join(OUTPUT, '..'), { recursive: true });
    await page.screenshot({ path: OUTPUT });
    console.log(`wrote ${OUTPUT}`);
  } finally {
    await browser.close();
    await gateway.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
