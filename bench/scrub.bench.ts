/**
 * Scrubbing throughput on ~1 MB of realistic exception text (V8 stack traces and messages,
 * a few secrets per KB), against one pass of a trivial regex (`/\d+/g` replace) over the same
 * text as the in-run baseline, and against `redact-pii`. Then the fast path (text with no
 * trigger character) and 1 MB of each hostile input. Goals: ≥ 200 MB/s, within 3× of the
 * baseline, every hostile input under 50 ms. The scrubber is timed as built JavaScript
 * (helpers/built-sdk.ts).
 */
import { createRequire } from 'node:module';
import { HOSTILE_INPUTS } from '../packages/sdk/test/helpers/hostile-inputs';
import { importBuiltSdk } from './helpers/built-sdk';
import { describeMachine, median } from './helpers/stats';

const { scrub } = await importBuiltSdk();
const SIZE = 1 << 20;
const ROUNDS = 15;

/** Deterministic pseudo-random numbers, so every run scrubs the same text. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function realisticText(size: number): string {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const int = (max: number) => Math.floor(next() * max);
  const functions = ['processOrder', 'Object.<anonymous>', 'Module._compile', 'Layer.handle [as handle_request]', 'next', 'Route.dispatch', 'UserService.findById', 'PaymentGateway.charge', 'async Promise.all'];
  const files = ['/srv/app/src/routes/orders.js', 'node:internal/modules/cjs/loader', 'file:///srv/app/dist/index.mjs', '/srv/app/node_modules/express/lib/router/layer.js', 'node:internal/process/task_queues', '/home/deploy/app/node_modules/.pnpm/pg@8.11.3/node_modules/pg/lib/client.js'];
  const messages = [
    () => `TypeError: Cannot read properties of undefined (reading '${pick(['id', 'email', 'total'])}')`,
    () => `Error: Request failed with status code ${pick([400, 404, 500, 503])} after ${int(900)}ms`,
    () => `PaymentError: card 4111 1111 1111 1111 declined for alice.smith+test@example.com (client 203.0.113.${int(255)})`,
    () => `Error: connect ECONNREFUSED 10.0.${int(255)}.${int(255)}:5432`,
    () => `Error: upstream rejected {"user":"bob@corp.example.org","password":"hunter2","retry":${int(5)}}`,
    () => `AxiosError: 401; headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', cookie: 'sid=s%3A${int(1e9)}' }`,
    () => `Error: order ${int(1e9)} not found (request 3f2b9c1e-8a4d-4c5e-9f1a-2b3c4d5e6f70 at 2026-04-11T14:23:01.123Z)`,
    () => 'RangeError: Maximum call stack size exceeded',
    () => `Error: timeout of 1500ms exceeded calling https://api.example.com/v1/items?page=${int(40)}&api_key=k_${int(1e6)}`,
    () => `Error: getaddrinfo ENOTFOUND db.internal (postgres://app:s3cr3t@db.internal:5432/orders, client fe80::1%eth0)`,
  ];
  const causes = [
    () => `[cause]: Error: invalid token: ghp_${int(1e9)}abcdefghijklmnopqrstuvwxyz0 for user ${int(1e5)}@users.example.net`,
    () => `[cause]: Error: secret=${int(1e12).toString(36)} rejected by 198.51.100.${int(255)}`,
    () => '[cause]: Error: socket hang up',
  ];
  let out = '';
  while (out.length < size) {
    out += `${pick(messages)()}\n`;
    for (let depth = 4 + int(6); depth > 0; depth--) out += `    at ${pick(functions)} (${pick(files)}:${1 + int(2000)}:${1 + int(80)})\n`;
    out += `  ${pick(causes)()}\n`;
    for (let depth = 2 + int(4); depth > 0; depth--) out += `      at ${pick(functions)} (${pick(files)}:${1 + int(2000)}:${1 + int(80)})\n`;
  }
  return out.slice(0, size);
}

/** Text without a single character any rule starts from. */
function triggerFreeText(size: number): string {
  const next = random(7);
  const words = ['Cannot', 'read', 'properties', 'of', 'undefined', 'reading', 'while', 'handling', 'the', 'request', 'failed', 'because'];
  let out = '';
  while (out.length < size) out += `${words[Math.floor(next() * words.length)]} `;
  return out.slice(0, size);
}

let sink = 0;

/** Milliseconds per call of `work` on each round, alternating the works so they share any noise. */
function measure(works: readonly (() => string | number | boolean)[], rounds: number): number[][] {
  const times: number[][] = works.map(() => []);
  for (let r = 0; r < rounds; r++) {
    works.forEach((work, k) => {
      const start = process.hrtime.bigint();
      const result = work();
      times[k]!.push(Number(process.hrtime.bigint() - start) / 1e6);
      sink += typeof result === 'string' ? result.length : Number(result);
    });
  }
  return times;
}

const mbps = (ms: number, length: number) => length / 1e6 / (ms / 1000);

const text = realisticText(SIZE);
const plain = triggerFreeText(SIZE);
const baseline = () => text.replace(/\d+/g, '0');
const digitBaseline = /\d/;
const secrets = (scrub(text).match(/\[(?:EMAIL|CREDIT_CARD|IP_ADDRESS|REDACTED_TOKEN|REDACTED_SECRET)\]/g) ?? []).length;

measure([baseline, () => scrub(text), () => scrub(plain)], 5);
const [base, ours] = measure([baseline, () => scrub(text)], ROUNDS) as [number[], number[]];
const [oneScan, fast] = measure([() => digitBaseline.test(plain), () => scrub(plain)], ROUNDS) as [number[], number[]];

const require = createRequire(import.meta.url);
const { SyncRedactor } = require('redact-pii') as { SyncRedactor: new () => { redact(text: string): string } };
const redactor = new SyncRedactor();
const [theirs] = measure([() => redactor.redact(text)], 3) as [number[]];

const row = (work: string, times: readonly number[], length: number, versus: string) =>
  `| ${work} | ${median(times).toFixed(2)} | ${Math.min(...times).toFixed(2)} | ${mbps(median(times), length).toFixed(1)} | ${mbps(Math.min(...times), length).toFixed(1)} | ${versus} |`;
const ratio = (a: readonly number[], b: readonly number[]) => `${(median(a) / median(b)).toFixed(2)}× (best ${(Math.min(...a) / Math.min(...b)).toFixed(2)}×)`;

console.log(describeMachine());
console.log(`corpus: ${(text.length / 1024).toFixed(0)} KB of stack traces and messages, ${secrets} redactions (${(secrets / (text.length / 1024)).toFixed(1)} per KB); ${ROUNDS} rounds, taken in turns\n`);
console.log('| work on the same text | median ms | best ms | MB/s (median) | MB/s (best) | vs baseline |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
console.log(row("`text.replace(/\\d+/g, '0')` (baseline)", base, text.length, '1×'));
console.log(row('`scrub(text)`', ours, text.length, ratio(ours, base)));
console.log(row('`redact-pii` `SyncRedactor.redact(text)`', theirs, text.length, ratio(theirs, base)));
console.log(row('fast path: `/\\d/.test` over 1 MB without triggers (one scan)', oneScan, plain.length, ''));
console.log(row('fast path: `scrub` over the same text', fast, plain.length, `${ratio(fast, oneScan)} one scan`));

console.log('\n| hostile input, 1 MB | best of 5 after a warm-up, ms |');
console.log('| --- | ---: |');
for (const [name, make] of Object.entries(HOSTILE_INPUTS)) {
  const input = make(SIZE);
  const [times] = measure([() => scrub(input)], 6);
  console.log(`| ${name} | ${Math.min(...times!.slice(1)).toFixed(1)} |`);
}
console.log(`\n(sink ${sink % 10})`);
