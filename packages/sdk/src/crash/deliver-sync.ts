/** @module Synchronous delivery for a dying thread: a warm worker does the I/O, the thread waits. */
import type { Worker } from 'node:worker_threads';
import { createHttpSend, gatewayHeaders } from '../transport/http-send';
import { classifyStatus } from '../transport/retry';
import type { ResolvedOptions } from '../options';
import { loadBuiltin } from '../utils/load-builtin';
import { CRASH_DELIVERED, CRASH_REJECTED, type CrashRequest, workerMain } from './worker-main';

const WORKER_SOURCE = `(${workerMain.toString()})(require, (${createHttpSend.toString()})(require), (${classifyStatus.toString()}));`;

/** Per body: delivered, rejected for good by the gateway, or still to deliver. */
export type SyncOutcome = 'delivered' | 'rejected' | 'failed';

let worker: Worker | undefined;

/**
 * Starts the delivery worker now, so that a crash later costs only the request. The worker
 * never keeps the process alive.
 */
export function warmCrashWorker(): void {
  if (worker) return;
  try {
    const { Worker } = loadBuiltin('node:worker_threads');
    worker = new Worker(WORKER_SOURCE, { eval: true, stdout: false, stderr: false });
    worker.unref();
    worker.on('error', () => {
      worker = undefined;
    });
    worker.on('exit', () => {
      worker = undefined;
    });
  } catch {
    worker = undefined;
  }
}

/** Stops the worker (when the hook is uninstalled). */
export function stopCrashWorker(): void {
  const running = worker;
  worker = undefined;
  void running?.terminate().catch(() => undefined);
}

/**
 * Delivers `bodies` before returning, blocking this thread for at most `crashTimeoutMs`: the
 * event loop will not run again in a dying process, so the wait has to be synchronous.
 */
export function deliverSync(bodies: readonly string[], options: ResolvedOptions): SyncOutcome[] {
  if (bodies.length === 0) return [];
  warmCrashWorker();
  const active = worker;
  if (!active) return bodies.map(() => 'failed');
  const state = new SharedArrayBuffer(4 * (1 + bodies.length));
  const request: CrashRequest = {
    url: options.endpointUrl,
    headers: gatewayHeaders(options.apiKey),
    bodies: [...bodies],
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries,
    retryBackoffBaseMs: options.retryBackoffBaseMs,
    deadline: Date.now() + options.crashTimeoutMs,
    state,
  };
  const flags = new Int32Array(state);
  try {
    active.postMessage(request);
    Atomics.wait(flags, 0, 0, options.crashTimeoutMs);
  } catch {
    // Atomics.wait is refused on threads that may not block; nothing was delivered then.
  }
  return bodies.map((_, i) => {
    const code = Atomics.load(flags, 1 + i);
    return code === CRASH_DELIVERED ? 'delivered' : code === CRASH_REJECTED ? 'rejected' : 'failed';
  });
}
