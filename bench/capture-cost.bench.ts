/**
 * Per-capture cost: building the scrubbed contract payload of a typical error (a ~2 KB stack
 * with a few secrets in its message), against `JSON.stringify` of the same error's fields as
 * the in-run baseline. Goal: ≤ 10 µs median.
 */
import { buildPayload } from '../packages/sdk/src/payload';
import { createScrubber } from '../packages/sdk/src/scrub';

const ROUNDS = 15;
const PER_ROUND = 20_000;

function typicalError(): Error {
  const error = new Error('payment for order 82731 failed: card 4111 1111 1111 1111 of jane.doe@example.com from 203.0.113.7');
  error.stack = [
    `Error: ${error.message}`,
    ...Array.from({ length: 18 }, (_, i) => `    at handler${i} (/srv/app/node_modules/some-framework/lib/layer-${i}.js:${100 + i}:${7 + i})`),
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  ].join('\n');
  return error;
}

const error = typicalError();
const scrub = createScrubber([]);
const context = { githubRepo: 'acme/shop', endpoint: '/api/orders', scrub, now: Date.now() };
let sink = 0;

function timeRound(work: () => number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) sink += work();
  return Number(process.hrtime.bigint() - start) / PER_ROUND / 1000;
}

const baseline = () => JSON.stringify({ name: error.name, message: error.message, stack: error.stack }).length;
const capture = () => JSON.stringify(buildPayload(error, context)).length;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const base: number[] = [];
const sdk: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  base.push(timeRound(baseline));
  sdk.push(timeRound(capture));
}

console.log(`stack: ${error.stack!.length} chars`);
console.log('| work | median µs per capture |');
console.log('| --- | --- |');
console.log(`| JSON.stringify of the error (baseline) | ${median(base).toFixed(2)} |`);
console.log(`| SDK: payload + scrub + JSON | ${median(sdk).toFixed(2)} |`);
console.log(`\nratio: ${(median(sdk) / median(base)).toFixed(1)}× baseline (sink ${sink % 10})`);
