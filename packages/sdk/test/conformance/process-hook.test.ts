import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RUNTIME, runFixture } from '../helpers/run-fixture';
import { createTestGateway, type TestGateway } from '../helpers/test-gateway';

let gateway: TestGateway;

beforeEach(async () => {
  gateway = await createTestGateway();
});
afterEach(() => gateway.close());

/**
 * Bun prints a crash's stack frames, and places the caret under the source line, from
 * `error.stack` once anything has read it (the report does) and from its own trace otherwise:
 * the two disagree on columns. Everything else it prints must stay the same.
 */
function comparable(stderr: string): string {
  if (RUNTIME.isBun) return stderr.replace(/^ *(at .*|\^)$/gm, '');
  // Deno appends the frames of its own async machinery below the throw site, and how many
  // depends on timing, run to run, with or without the SDK: the throw site's frame is compared.
  // eslint-disable-next-line no-control-regex
  if (RUNTIME.isDeno) return stderr.replace(/\u001b\[[\d;]*m/g, '').replace(/(^ *at .*\n)(?: *at .*\n)+/gm, '$1');
  return stderr;
}

/** Runs a fixture bare, then with the SDK and its hook; both must end the same way. */
async function compare(name: string, env: Record<string, string> = {}) {
  const bare = await runFixture(`hook/${name}`, { SENTINEL_HOOK: '0', ...env });
  const hooked = await runFixture(`hook/${name}`, { SENTINEL_HOOK: '1', GATEWAY_URL: gateway.url, ...env });
  expect(hooked.code).toBe(bare.code);
  expect(hooked.signal).toBe(bare.signal);
  expect(comparable(hooked.stderr)).toBe(comparable(bare.stderr));
  expect(hooked.stdout).toBe(bare.stdout);
  return { bare, hooked };
}

describe(`installHook in a real ${RUNTIME.label} process`, () => {
  it.each([
    ['timer-throw.cjs', 'TypeError', 'boom in a timer'],
    ['timer-throw.mjs', 'TypeError', 'boom in an ESM timer'],
    ['emitter-error.cjs', 'Error', 'emitter without an error listener'],
    ['io-callback.cjs', 'RangeError', 'thrown in an I/O callback'],
    ['top-level.cjs', 'ConfigError', 'top-level throw in CommonJS'],
    ['top-level.mjs', 'ConfigError', 'top-level throw in ESM'],
    ...(RUNTIME.isBun ? [] : [['unhandled-rejection.cjs', 'Error', 'nobody handles this rejection']]),
  ])('%s: reports %s before the process dies, and the crash is unchanged', async (name, type, message) => {
    const { bare } = await compare(name);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain(message);
    // Deno prints the crash in its own words, as an uncaught error (`Uncaught (in promise)` for a rejection).
    if (RUNTIME.isDeno) expect(bare.stderr).toMatch(/error\S*: Uncaught /);
    expect(gateway.received).toHaveLength(1);
    expect(gateway.received[0]!.json).toMatchObject({
      exceptionType: type,
      errorMessage: message,
      endpoint: '<unknown>',
      githubRepo: 'acme/shop',
      language: 'typescript',
    });
    expect(gateway.received[0]!.json.stackTrace).toContain(message);
  });

  // Node itself wraps a non-Error reason before it reaches any crash listener: in an
  // `UnhandledPromiseRejection` since Node.js 20, in a plain `Error` before and on Deno.
  it.skipIf(RUNTIME.isBun)('reports a fatal rejection of a non-Error value as Node wraps it', async () => {
    await compare('rejection-non-error.mjs');
    expect(gateway.received[0]!.json.exceptionType).toBe(RUNTIME.isDeno || RUNTIME.nodeMajor < 20 ? 'Error' : 'UnhandledPromiseRejection');
    expect(gateway.received[0]!.json.errorMessage).toContain('rejected with the reason');
  });

  // Bun emits no 'uncaughtExceptionMonitor' for a fatal rejection, and any 'unhandledRejection'
  // listener would keep the process alive: the hook leaves such a crash alone.
  it.runIf(RUNTIME.isBun)('on Bun, does not report a fatal rejection, and the crash is unchanged', async () => {
    for (const name of ['unhandled-rejection.cjs', 'rejection-non-error.mjs']) {
      const { bare } = await compare(name);
      expect(bare.code).toBe(1);
    }
    expect(gateway.received).toHaveLength(0);
  });

  it('delivers what was captured before a fatal rejection ends the process', async () => {
    const { bare } = await compare('captured-then-rejection.cjs');
    expect(bare.code).toBe(1);
    const reported = ['captured before the rejection', ...(RUNTIME.isBun ? [] : ['nobody handles this rejection'])];
    expect(gateway.received.map((r) => r.json.errorMessage).sort()).toEqual(reported);
  });

  // What Node.js 18 does: the SDK loads its builtins through a `require` of its own.
  it.each(['timer-throw.cjs', 'timer-throw.mjs'])('%s without process.getBuiltinModule: reports, and the crash is unchanged', async (name) => {
    const { bare } = await compare(name, { WITHOUT_GET_BUILTIN_MODULE: '1' });
    expect(bare.code).toBe(1);
    expect(gateway.received.map((r) => r.json.errorMessage)).toEqual([name.endsWith('.mjs') ? 'boom in an ESM timer' : 'boom in a timer']);
  });

  it('reports a throw inside a worker that installed the hook', async () => {
    const { bare } = await compare('worker-throw.cjs');
    expect(bare.code).toBe(3);
    expect(gateway.received).toHaveLength(1);
    expect(gateway.received[0]!.json).toMatchObject({ exceptionType: 'SyntaxError', errorMessage: 'thrown inside a worker' });
  });

  it('lets an app that handles the error keep running, and still reports it', async () => {
    const { bare } = await compare('handled-by-app.cjs');
    expect(bare.code).toBe(0);
    expect(bare.stdout).toBe('still running\n');
    expect(gateway.received.map((r) => r.json.errorMessage)).toEqual(['handled by the app']);
  });

  it("does not change how a rejection the app handles behaves, and doesn't report it", async () => {
    const { bare } = await compare('rejection-handled-by-app.cjs');
    expect(bare.code).toBe(0);
    expect(gateway.received).toHaveLength(0);
  });

  it('delivers reports queued before process.exit()', async () => {
    const { bare } = await compare('process-exit.cjs');
    expect(bare.code).toBe(5);
    expect(gateway.received.map((r) => r.json.errorMessage).sort()).toEqual(['queued before exit 0', 'queued before exit 1', 'queued before exit 2']);
  });

  it('with the gateway down, dies as Node would within crashTimeoutMs, adding one warning line', async () => {
    await gateway.close();
    const bare = await runFixture('hook/timer-throw.cjs', { SENTINEL_HOOK: '0' });
    const hooked = await runFixture('hook/timer-throw.cjs', { SENTINEL_HOOK: '1', GATEWAY_URL: gateway.url, CRASH_TIMEOUT_MS: '500' });
    expect(hooked.code).toBe(bare.code);
    const extra = hooked.stderr.replace(bare.stderr, '');
    expect(hooked.stderr.endsWith(bare.stderr)).toBe(true);
    expect(extra.trim().split('\n')).toHaveLength(1);
    expect(extra).toMatch(/^\[sentinel-sdk\] 1 report\(s\) not delivered before exit within 500 ms: lost\n$/);
    expect(hooked.ms - bare.ms).toBeLessThan(500 + 1500);
  });

  it('with a gateway that hangs, waits no longer than crashTimeoutMs', async () => {
    gateway.fallback = 'hang';
    const bare = await runFixture('hook/timer-throw.cjs', { SENTINEL_HOOK: '0' });
    const hooked = await runFixture('hook/timer-throw.cjs', { SENTINEL_HOOK: '1', GATEWAY_URL: gateway.url, CRASH_TIMEOUT_MS: '300' });
    expect(hooked.code).toBe(bare.code);
    expect(hooked.ms - bare.ms).toBeLessThan(300 + 1500);
    expect(gateway.received).toHaveLength(1);
  });

  describe('spoolDir', () => {
    let dir: string;
    beforeEach(() => {
      dir = join(mkdtempSync(join(tmpdir(), 'sentinel-spool-')), 'spool');
    });
    afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

    it.each([
      ['CommonJS', '', 'cjs'],
      ['ESM', '', 'mjs'],
      ['CommonJS, without process.getBuiltinModule', '1', 'cjs'],
    ])('keeps an undeliverable crash report and the next start delivers it once (%s)', async (_, without, ext) => {
      const env = { WITHOUT_GET_BUILTIN_MODULE: without, SPOOL_DIR: dir };
      const down = await createTestGateway();
      await down.close();
      const crashed = await runFixture('hook/timer-throw.cjs', { ...env, SENTINEL_HOOK: '1', GATEWAY_URL: down.url, CRASH_TIMEOUT_MS: '300' });
      expect(crashed.code).toBe(1);
      expect(crashed.stderr).toContain(`kept in ${dir} for the next start`);
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(statSync(join(dir, files[0]!)).mode & 0o777).toBe(0o600);
      expect(statSync(dir).mode & 0o777).toBe(0o700);

      writeFileSync(join(dir, '0-corrupt.json'), '{not json');
      const next = await runFixture(`hook/spool-replay.${ext}`, { ...env, GATEWAY_URL: gateway.url });
      expect(next.code).toBe(0);
      expect(gateway.received).toHaveLength(1);
      expect(gateway.received[0]!.json).toMatchObject({ exceptionType: 'TypeError', errorMessage: 'boom in a timer' });
      expect(readdirSync(dir)).toEqual(['0-corrupt.corrupt']);

      const third = await runFixture(`hook/spool-replay.${ext}`, { ...env, GATEWAY_URL: gateway.url });
      expect(third.code).toBe(0);
      expect(gateway.received).toHaveLength(1);
    });
  });
});
