/** @module Process hook: reports every exception that escapes, without changing the crash. */
import { getClient, onConfigure } from '../sdk';
import type { Client } from '../client';
import { deliverSync, stopCrashWorker, warmCrashWorker } from '../crash/deliver-sync';
import { spoolSync } from '../crash/spool';

let installed = false;
/** Bodies already handed to a synchronous delivery, so the `exit` that follows a crash skips them. */
const handedOver = new Set<string>();

/**
 * Reports every exception that escapes to the process: a throw in any callback, a top-level
 * throw, a fatal unhandled rejection, and — when called inside a `worker_threads` Worker —
 * a throw in that worker. Nothing about the crash changes: same exit code, same stderr, same
 * effect of the application's own `uncaughtException` / `unhandledRejection` listeners.
 *
 * A fatal error's report is delivered before the process exits, within `crashTimeoutMs`
 * (default 2000): a warm worker thread sends it while the dying thread waits. Reports still
 * queued go in the same wait, also when the application calls `process.exit()`. What cannot
 * be delivered is written to `spoolDir` when set, and sent by the next process that calls
 * `configure` with it. Installing twice registers once.
 *
 * @example
 * configure({ apiKey, githubRepo: 'acme/shop' });
 * installHook();
 */
export function installHook(): void {
  if (installed || typeof process === 'undefined' || typeof process.on !== 'function') return;
  installed = true;
  // The monitor sees an exception before Node decides its fate, and never alters that fate:
  // unlike an 'uncaughtException' or 'unhandledRejection' listener, it handles nothing.
  process.on('uncaughtExceptionMonitor', onUncaught);
  process.on('exit', onExit);
  onConfigure(warmWhileInstalled);
  const client = getClient();
  if (client) warmWhileInstalled(client);
}

/** Removes everything {@link installHook} added; safe to call at any time. */
export function uninstallHook(): void {
  if (!installed) return;
  installed = false;
  process.off('uncaughtExceptionMonitor', onUncaught);
  process.off('exit', onExit);
  stopCrashWorker();
}

/** Tells whether the hook is installed. */
export function isHookInstalled(): boolean {
  return installed;
}

function warmWhileInstalled(client: Client): void {
  if (installed && client.options.enabled) warmCrashWorker();
}

function onUncaught(error: unknown): void {
  try {
    const client = getClient();
    if (!client?.options.enabled) return;
    const context = { endpoint: client.options.endpointLabel };
    // With a listener of the application's, the process lives on: report as usual.
    if (process.listenerCount('uncaughtException') > 0) {
      void client.capture(error, context);
      return;
    }
    const body = client.takeCrashBody(error, context);
    deliverBeforeExit(client, body === null ? [] : [body]);
  } catch {
    // Whatever happens here, the crash must go on exactly as Node would have it.
  }
}

function onExit(): void {
  try {
    const client = getClient();
    if (client?.options.enabled) deliverBeforeExit(client, []);
  } catch {
    // Same as above: never alter the exit.
  }
}

function deliverBeforeExit(client: Client, extra: string[]): void {
  const bodies = [...client.pendingBodies().filter((b) => !handedOver.has(b)), ...extra];
  if (bodies.length === 0) return;
  for (const body of bodies) handedOver.add(body);
  const outcomes = deliverSync(bodies, client.options);
  const undelivered = bodies.filter((_, i) => outcomes[i] === 'failed');
  if (undelivered.length === 0) return;
  const { spoolDir } = client.options;
  const kept = spoolDir ? spoolSync(spoolDir, undelivered) : 0;
  const fate = kept > 0 ? `kept in ${spoolDir} for the next start` : 'lost';
  client.logger.warn('crash_delivery', `${undelivered.length} report(s) not delivered before exit within ${client.options.crashTimeoutMs} ms: ${fate}`);
}
