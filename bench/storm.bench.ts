/**
 * Error storm: a process throws 100,000 errors a second for 10 s while the gateway takes
 * 200 ms per request. Reports resident-memory growth, event-loop delay p99, what got through,
 * and how fast the process exits after — beside a baseline process that does the same work
 * without the SDK.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSinkGateway } from './helpers/sink-gateway';

const fixture = fileURLToPath(new URL('./fixtures/storm.mjs', import.meta.url));
const gateway = await startSinkGateway(200);
const gatewayUrl = gateway.url;

interface StormResult {
  thrown: number;
  perSecond: number;
  rssGrowthMb: number;
  loopDelayP99Ms: number;
  delivered: number;
  notDelivered: number;
  closeMs: number;
  flushed: boolean;
}

function run(withSdk: boolean): Promise<StormResult & { exitMs: number }> {
  return new Promise((resolve, reject) => {
    let out = '';
    let endedAt = 0;
    const child = spawn(process.execPath, ['--expose-gc', fixture], {
      env: { ...process.env, SENTINEL: withSdk ? '1' : '0', GATEWAY_URL: gatewayUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      endedAt = performance.now();
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ ...(JSON.parse(out) as StormResult), exitMs: performance.now() - endedAt }));
  });
}

const bare = await run(false);
gateway.reset();
const sdk = await run(true);
gateway.close();

console.log('| process | errors/s | RSS growth (MB) | event-loop delay p99 (ms) | reports received by gateway | exit after last line (ms) |');
console.log('| --- | --- | --- | --- | --- | --- |');
console.log(`| baseline, no SDK | ${bare.perSecond} | ${bare.rssGrowthMb.toFixed(1)} | ${bare.loopDelayP99Ms.toFixed(1)} | — | ${bare.exitMs.toFixed(0)} |`);
console.log(`| SDK capturing every error | ${sdk.perSecond} | ${sdk.rssGrowthMb.toFixed(1)} | ${sdk.loopDelayP99Ms.toFixed(1)} | ${gateway.received} | ${sdk.exitMs.toFixed(0)} |`);
console.log(`\nerrors thrown: ${sdk.thrown}; resolved delivered ${sdk.delivered}, not delivered (collapsed, dropped) ${sdk.notDelivered}; close() ${sdk.closeMs.toFixed(0)} ms, flushed ${sdk.flushed}`);
