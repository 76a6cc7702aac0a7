// `npm run demo`: a local gateway on a temporary database, the demo service reporting to it
// (a failing route, then a crash), and the page's address. Ctrl-C stops the gateway and
// removes the database.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GATEWAY_CLI = fileURLToPath(new URL('../packages/gateway/dist/cli.js', import.meta.url));
const SERVICE = fileURLToPath(new URL('./demo-service.mjs', import.meta.url));
const DEADLINE_MS = 15_000;
const FAILING_REQUESTS = ['/checkout', '/checkout', '/checkout', '/orders/7', '/orders/1001'];
const EXPECTED_REPORTS = FAILING_REQUESTS.length + 1;

const dir = mkdtempSync(join(tmpdir(), 'sentinel-demo-'));
const apiKey = `demo_${randomBytes(18).toString('base64url')}`;

function start(args, env = {}) {
  // Own process group: Ctrl-C reaches only this script, which then stops the children in order.
  return spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
}

function waitForLine(child, pattern, what) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start in time:\n${output}`)), DEADLINE_MS);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = pattern.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`${what} exited with code ${code}:\n${output}`)));
  });
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function waitForReports(gatewayUrl) {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const response = await fetch(`${gatewayUrl}/api/v1/exceptions?repo=acme/demo-shop&limit=200`);
    const { items } = await response.json();
    if (items.length >= EXPECTED_REPORTS) return items.length;
    if (Date.now() > deadline) throw new Error(`only ${items.length} of ${EXPECTED_REPORTS} reports arrived`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const port = process.env.DEMO_PORT ?? '0';
const gateway = start([GATEWAY_CLI, '--port', port, '--db', join(dir, 'demo.db'), '--api-key', apiKey]);
process.once('exit', () => gateway.kill('SIGKILL'));

async function stopGateway() {
  gateway.kill('SIGTERM');
  await exited(gateway);
  rmSync(dir, { recursive: true, force: true });
}

try {
  const gatewayUrl = await waitForLine(gateway, /listening on (http:\/\/\S+)/, 'the gateway');
  const serviceEnv = { SENTINEL_API_KEY: apiKey, SENTINEL_GATEWAY_URL: gatewayUrl };

  const service = start([SERVICE], serviceEnv);
  const serviceUrl = await waitForLine(service, /listening on (http:\/\/\S+)/, 'the demo service');
  for (const path of FAILING_REQUESTS) {
    const response = await fetch(`${serviceUrl}${path}`);
    console.log(`GET ${path} -> ${response.status}`);
  }
  service.kill('SIGTERM');
  await exited(service);

  console.log('Running the demo service in crash mode (it throws from a timer)…');
  const crashCode = await exited(start([SERVICE, 'crash'], serviceEnv));
  console.log(`The crashing process exited with code ${crashCode}.`);

  const reports = await waitForReports(gatewayUrl);
  console.log(`\n${reports} reports are on the page: ${gatewayUrl}/`);
  console.log('The gateway keeps running; press Ctrl-C to stop it and delete the demo database.');
} catch (error) {
  console.error(`demo failed: ${error.message}`);
  await stopGateway();
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    console.log('\nStopping the gateway…');
    await stopGateway();
    process.exit(0);
  });
}
