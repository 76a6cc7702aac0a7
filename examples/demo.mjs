// `npm run demo`: a local gateway on a temporary database, the demo service reporting to it
// (failing requests, then a crash), and the page's address. Builds first when sources changed.
// Ctrl-C stops the gateway and removes the database.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from '../scripts/build-if-stale.mjs';

const GATEWAY_CLI = fileURLToPath(new URL('../packages/gateway/dist/cli.js', import.meta.url));
const SERVICE = fileURLToPath(new URL('./demo-service.mjs', import.meta.url));
const REPO = 'acme/demo-shop';
const DEADLINE_MS = 15_000;
const FAILING_REQUESTS = ['/checkout', '/checkout', '/checkout', '/orders/7', '/orders/1001'];
const EXPECTED_REPORTS = FAILING_REQUESTS.length + 1;

buildIfStale();

const dir = mkdtempSync(join(tmpdir(), 'sentinel-demo-'));
const apiKey = `demo_${randomBytes(18).toString('base64url')}`;
const children = new Set();

function start(args, { env = {}, stderr = 'inherit' } = {}) {
  // Own process group: Ctrl-C reaches only this script, which then stops the children in order.
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', stderr],
    detached: true,
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function waitForLine(child, pattern, what) {
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (message) => {
      clearTimeout(timer);
      reject(new Error(`${message}:\n${output}`));
    };
    const timer = setTimeout(() => fail(`${what} did not start in time`), DEADLINE_MS);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = pattern.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
    child.once('exit', (code) => fail(`${what} exited with code ${code}`));
  });
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function getJson(url) {
  const response = await fetch(url);
  return response.json();
}

async function waitForReports(gatewayUrl) {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const { items } = await getJson(`${gatewayUrl}/api/v1/exceptions?repo=${REPO}&limit=200`);
    if (items.length >= EXPECTED_REPORTS) return items.length;
    if (Date.now() > deadline) throw new Error(`only ${items.length} of ${EXPECTED_REPORTS} reports arrived`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Node prints an uncaught exception to stderr and exits with 1; the SDK changes neither.
async function runCrash(serviceEnv) {
  const crash = start([SERVICE, 'crash'], { env: serviceEnv, stderr: 'pipe' });
  let stderr = '';
  crash.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await exited(crash);
  for (const line of stderr.trimEnd().split('\n')) console.log(`  │ ${line}`.trimEnd());
  return code;
}

async function runStory() {
  const gateway = start([GATEWAY_CLI, '--port', process.env.DEMO_PORT ?? '0', '--db', join(dir, 'demo.db'), '--api-key', apiKey]);
  const gatewayUrl = await waitForLine(gateway, /listening on (http:\/\/\S+)/, 'the gateway');
  console.log(`Gateway up at ${gatewayUrl}, on a temporary database.`);

  const serviceEnv = { SENTINEL_API_KEY: apiKey, SENTINEL_GATEWAY_URL: gatewayUrl };
  const service = start([SERVICE], { env: serviceEnv });
  const serviceUrl = await waitForLine(service, /listening on (http:\/\/\S+)/, 'the demo service');
  console.log(`Demo service (examples/demo-service.mjs) up at ${serviceUrl}; it reports each failure with captureException():`);
  for (const path of FAILING_REQUESTS) {
    const response = await fetch(`${serviceUrl}${path}`);
    console.log(`  GET ${path.padEnd(12)} ${response.status}`);
  }
  service.kill('SIGTERM');
  await exited(service);

  console.log('Crash mode: the service throws from a timer. Node prints the crash as it always does:');
  const crashCode = await runCrash(serviceEnv);
  console.log(`The process exited with code ${crashCode}; installHook() delivered its report before it did.`);

  const reports = await waitForReports(gatewayUrl);
  const issues = (await getJson(`${gatewayUrl}/api/v1/issues?repo=${REPO}`)).items;
  console.log(`\n${reports} reports, grouped into ${issues.length} issues:`);
  for (const issue of issues) {
    console.log(`  ${issue.count} × ${issue.exceptionType} in ${issue.culprit}, endpoint ${issue.endpoint}`);
  }
  console.log(`Open ${gatewayUrl}/ to see them with their stack traces.`);
  console.log('The gateway keeps running; Ctrl-C stops it and deletes the demo database.');
}

let stopping;
function stop(exitCode) {
  stopping ??= (async () => {
    const running = [...children];
    for (const child of running) child.kill('SIGTERM');
    await Promise.all(running.map(exited));
    rmSync(dir, { recursive: true, force: true });
    process.exit(exitCode);
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.log('\nStopping the gateway…');
    void stop(0);
  });
}
// Should this script die some other way, the detached children must not outlive it.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

try {
  await runStory();
} catch (error) {
  if (!stopping) {
    console.error(`demo failed: ${error.message}`);
    await stop(1);
  }
}
