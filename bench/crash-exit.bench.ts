/**
 * Crash exit delay: how much later a process that dies from an uncaught exception exits with
 * the SDK's hook delivering its report (to a local gateway) than without the SDK. Runs the
 * two variants alternately, timing from the throw to the child's exit; the crash comes 300 ms
 * after start-up (a warm delivery worker, as in a service), and again 1 ms after (a cold one).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSinkGateway } from './helpers/sink-gateway';
import { median } from './helpers/stats';

const RUNS = 25;
const fixture = fileURLToPath(new URL('./fixtures/crash.cjs', import.meta.url));

const gateway = await startSinkGateway();
const gatewayUrl = gateway.url;

/** Milliseconds from the throw (as the child stamped it) to the child's exit. */
function run(withSdk: boolean, crashAfterMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fixture], {
      env: { ...process.env, SENTINEL: withSdk ? '1' : '0', GATEWAY_URL: gatewayUrl, CRASH_AFTER_MS: String(crashAfterMs) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let thrownAt = '';
    child.stdout.on('data', (chunk: Buffer) => (thrownAt += chunk.toString()));
    child.stderr.resume();
    child.on('error', reject);
    child.on('exit', () => resolve(performance.timeOrigin + performance.now() - Number(thrownAt)));
  });
}

console.log('| crash after start-up | bare: throw → exit (ms, median) | SDK + hook: throw → exit (ms, median) | added exit delay (ms, median) | reports received |');
console.log('| --- | --- | --- | --- | --- |');
for (const crashAfterMs of [300, 1]) {
  const bare: number[] = [];
  const hooked: number[] = [];
  gateway.reset();
  for (let i = 0; i < RUNS; i++) {
    bare.push(await run(false, crashAfterMs));
    hooked.push(await run(true, crashAfterMs));
  }
  const delays = hooked.map((h, i) => h - (bare[i] as number));
  console.log(`| ${crashAfterMs} ms | ${median(bare).toFixed(1)} | ${median(hooked).toFixed(1)} | ${median(delays).toFixed(1)} | ${gateway.received} of ${RUNS} |`);
}
gateway.close();
