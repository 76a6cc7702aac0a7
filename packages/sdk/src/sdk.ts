/** @module The process-wide SDK: `configure` once, then capture from anywhere. Imports nothing of Node's. */
import { type CaptureContext, type Client, createClient } from './client';
import type { Send } from './transport/http-send';
import { resolveOptions, type SentinelOptions } from './options';

/** What `configure` takes from the runtime: how to send, and what to start with each client. */
export interface Platform {
  createSend(): Send;
  /** Runs after each `configure` that enables the SDK, once the new client is active. */
  configured(client: Client): void;
}

interface SdkState {
  current: Client | undefined;
  send: Send | undefined;
  retiring: Set<Promise<boolean>>;
  exitDrainListening: boolean;
  exitDrainActive: boolean;
  configureListeners: Set<(client: Client) => void>;
}

// One state per process, shared by the ESM and CJS copies of the package should both be loaded.
const state: SdkState = ((globalThis as Record<symbol, unknown>)[Symbol.for('sentinel-sdk.state')] ??= {
  current: undefined,
  send: undefined,
  retiring: new Set(),
  exitDrainListening: false,
  exitDrainActive: false,
  configureListeners: new Set(),
}) as SdkState;

/**
 * `configure` on a given platform; each entry point's `configure` calls it with its own.
 * The send primitive is created once per process, by the first call.
 */
export function configureWith(platform: Platform, options: SentinelOptions): void {
  const resolved = resolveOptions(options);
  const previous = state.current;
  state.send ??= platform.createSend();
  const client = createClient(resolved, state.send);
  state.current = client;
  if (previous) {
    client.logger.warn('reconfigure', 'configure() called again: the previous configuration is replaced');
    const closing = previous.close(previous.options.timeoutMs);
    state.retiring.add(closing);
    void closing.then(() => state.retiring.delete(closing));
  }
  if (!resolved.enabled) return;
  listenForExitDrain();
  for (const listener of state.configureListeners) listener(client);
  platform.configured(client);
}

/**
 * Reports an error to the gateway in the background. Returns at once; never throws and never
 * rejects, whatever it is given. Capturing the same error object twice sends one report.
 *
 * @param error - any thrown value; non-Error values are reported with type `NonError`.
 * @param context - `endpoint`: the request path (query string and fragment are dropped).
 * @returns the gateway's `exception_id`, or `null` when the report was not delivered (SDK not
 *   configured or disabled, sampled out, dropped by `beforeSend`, or delivery failed).
 */
export function captureException(error: unknown, context?: CaptureContext): Promise<string | null> {
  try {
    return state.current ? state.current.capture(error, context) : Promise.resolve(null);
  } catch {
    return Promise.resolve(null);
  }
}

/**
 * Waits until every report captured so far is settled: delivered or definitively given up.
 *
 * @param timeoutMs - the longest wait; defaults to the configured `timeoutMs`.
 * @returns `true` when everything settled, `false` on timeout.
 */
export async function flush(timeoutMs?: number): Promise<boolean> {
  const client = state.current;
  const waits = [...state.retiring];
  if (client) waits.push(client.flush(timeoutMs ?? client.options.timeoutMs));
  const results = await Promise.all(waits);
  return results.every(Boolean);
}

/**
 * Flushes, then stops capturing: later captures resolve to `null` until `configure` is called again.
 *
 * @returns `true` when everything queued was settled within `timeoutMs`.
 */
export async function close(timeoutMs?: number): Promise<boolean> {
  const client = state.current;
  if (!client) return true;
  const retired = [...state.retiring];
  const closed = await client.close(timeoutMs ?? client.options.timeoutMs);
  return (await Promise.all(retired)).every(Boolean) && closed;
}

/** The active client, for integrations and the process hook. */
export function getClient(): Client | undefined {
  return state.current;
}

/** Calls `listener` with each client an enabled `configure` creates from now on. */
export function onConfigure(listener: (client: Client) => void): void {
  state.configureListeners.add(listener);
}

/**
 * Reports still queued when the event loop empties would be lost: hold the process for them,
 * at most `crashTimeoutMs`. Once per burst, so that a gateway that is down cannot keep the
 * process in a loop of drains.
 */
function listenForExitDrain(): void {
  if (state.exitDrainListening || typeof process === 'undefined' || typeof process.on !== 'function') return;
  state.exitDrainListening = true;
  process.on('beforeExit', () => {
    const client = state.current;
    if (state.exitDrainActive || !client || client.pendingBodies().length === 0) return;
    state.exitDrainActive = true;
    void client.flush(client.options.crashTimeoutMs).then((settled) => {
      if (settled) state.exitDrainActive = false;
    });
  });
}
