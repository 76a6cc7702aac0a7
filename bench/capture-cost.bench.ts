/**
 * Per-capture cost: what the SDK does for each captured error, `buildPayload` (describe the
 * error, scrub and cap its message, stack and endpoint), on a typical error (a ~2 KB V8 stack of
 * 19 frames, a card, an email and an IP in its message), against `JSON.stringify` of the same
 * error's fields as the in-run baseline. Goal: ≤ 10 µs median.
 *
 * The SDK code is bundled with esbuild into a temporary directory first, so the figures are
 * those of built JavaScript, as users run it, not of source transformed on the fly.
 */
import { importBuiltSdk } from './helpers/built-sdk';
import { describeMachine, median } from './helpers/stats';

const ROUNDS = 31;
const PER_ROUND = 10_000;

/** A V8 stack as an Express app in production throws it: 19 frames, ~2 KB. */
const APP = '/home/deploy/apps/shop-api';
const FRAMES = [
  `PaymentGateway.charge (${APP}/src/services/payment-gateway.js:142:17)`,
  `async OrderService.checkout (${APP}/src/services/order-service.js:88:5)`,
  `async ${APP}/src/routes/orders.js:51:22`,
  `Layer.handle [as handle_request] (${APP}/node_modules/express/lib/router/layer.js:95:5)`,
  `next (${APP}/node_modules/express/lib/router/route.js:149:13)`,
  `authenticate (${APP}/src/middleware/session-auth.js:37:12)`,
  `Layer.handle [as handle_request] (${APP}/node_modules/express/lib/router/layer.js:95:5)`,
  `next (${APP}/node_modules/express/lib/router/route.js:149:13)`,
  `Route.dispatch (${APP}/node_modules/express/lib/router/route.js:119:3)`,
  `Layer.handle [as handle_request] (${APP}/node_modules/express/lib/router/layer.js:95:5)`,
  `${APP}/node_modules/express/lib/router/index.js:284:15`,
  `Function.process_params (${APP}/node_modules/express/lib/router/index.js:346:12)`,
  `next (${APP}/node_modules/express/lib/router/index.js:280:10)`,
  `jsonParser (${APP}/node_modules/body-parser/lib/types/json.js:113:7)`,
  `Layer.handle [as handle_request] (${APP}/node_modules/express/lib/router/layer.js:95:5)`,
  `trim_prefix (${APP}/node_modules/express/lib/router/index.js:328:13)`,
  `${APP}/node_modules/express/lib/router/index.js:286:9`,
  `Function.process_params (${APP}/node_modules/express/lib/router/index.js:346:12)`,
  'process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
];

function typicalError(): Error {
  const error = new Error('payment for order 82731 failed: card 4111 1111 1111 1111 of jane.doe@example.com from 203.0.113.7');
  error.stack = [`Error: ${error.message}`, ...FRAMES.map((frame) => `    at ${frame}`)].join('\n');
  return error;
}

const { buildPayload, createScrubber, scrub: scrubText } = await importBuiltSdk();
const error = typicalError();
const context = { githubRepo: 'acme/shop', endpoint: '/api/orders', scrub: createScrubber([]), now: Date.now() };
let sink = 0;

/** Microseconds per call of `work`, over one round. */
function timeRound(work: () => number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) sink += work();
  return Number(process.hrtime.bigint() - start) / PER_ROUND / 1000;
}

const works: readonly [string, () => number][] = [
  ['`JSON.stringify` of the error (baseline)', () => JSON.stringify({ name: error.name, message: error.message, stack: error.stack }).length],
  ['**SDK: `buildPayload` (payload + scrub)**', () => buildPayload(error, context).stackTrace.length],
  ['for information: payload + `JSON.stringify` of it', () => JSON.stringify(buildPayload(error, context)).length],
  ['for information: `scrub(stack)` alone', () => scrubText(error.stack!).length],
  ['for information: `scrub(message)` alone', () => scrubText(error.message).length],
];

// Rounds alternate the works, so that a slow spell of the machine hits each of them.
const times: number[][] = works.map(() => []);
for (let r = 0; r < ROUNDS + 2; r++) {
  works.forEach(([, work], k) => {
    const us = timeRound(work);
    if (r >= 2) times[k]!.push(us);
  });
}

const base = median(times[0]!);
console.log(describeMachine());
console.log(`stack: ${error.stack!.length} chars, ${error.stack!.split('\n').length} lines; message: ${error.message.length} chars; ${ROUNDS} rounds of ${PER_ROUND} after 2 warm-up rounds\n`);
console.log('| work | median µs per capture | best round µs | vs baseline |');
console.log('| --- | ---: | ---: | ---: |');
works.forEach(([name], k) => {
  const xs = times[k]!;
  console.log(`| ${name} | ${median(xs).toFixed(2)} | ${Math.min(...xs).toFixed(2)} | ${(median(xs) / base).toFixed(2)}× |`);
});
console.log(`\n(sink ${sink % 10})`);
