/** @module The crash-delivery worker's program: POSTs what a dying thread hands it, then wakes it. */
import type { Send } from '../transport/http-send';
import type { classifyStatus } from '../transport/retry';

/** What the dying thread hands over. */
export interface CrashRequest {
  url: string;
  headers: Record<string, string>;
  bodies: string[];
  timeoutMs: number;
  maxRetries: number;
  retryBackoffBaseMs: number;
  /** Epoch milliseconds after which nothing more is attempted. */
  deadline: number;
  /** `[0]` is the done flag the dying thread waits on; `[1 + i]` the outcome of `bodies[i]`. */
  state: SharedArrayBuffer;
}

/** Outcome codes written to `state`. */
export const CRASH_PENDING = 0;
export const CRASH_DELIVERED = 1;
export const CRASH_REJECTED = 2;

/**
 * Runs in the worker. Self-contained — its source text is what the worker evaluates — so it
 * receives its dependencies as arguments. Each body gets its own attempts, transient failures
 * retried with backoff while the deadline allows.
 */
export function workerMain(requireFn: (id: string) => unknown, send: Send, classify: typeof classifyStatus): void {
  const { parentPort } = requireFn('node:worker_threads') as typeof import('node:worker_threads');
  // The first HTTP exchange of a fresh thread costs tens of milliseconds of lazy loading and
  // compiling; pay it now, against an in-memory peer, rather than while a process is dying.
  try {
    const { Duplex } = requireFn('node:stream') as typeof import('node:stream');
    const http = requireFn('node:http') as typeof import('node:http');
    requireFn('node:https'); // loaded here so that a crash with an https:// gateway does not wait for it
    const peer = new Duplex({ read() {}, write: (_chunk, _encoding, done) => done() });
    const warmUp = http.request({ method: 'POST', host: 'localhost', path: '/', createConnection: () => peer as unknown as import('node:net').Socket }, (res) => res.resume());
    warmUp.on('error', () => undefined);
    warmUp.end('{}');
    peer.push('HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}');
  } catch {
    // Only a warm-up: delivery works without it.
  }
  parentPort?.on('message', (request: CrashRequest) => {
    const state = new Int32Array(request.state);
    const attemptOne = async (body: string, index: number): Promise<void> => {
      for (let attempt = 0; attempt <= request.maxRetries; attempt++) {
        const left = request.deadline - Date.now();
        if (left <= 0) return;
        try {
          const res = await send({ url: request.url, headers: request.headers, body, timeoutMs: Math.min(request.timeoutMs, left) });
          const verdict = classify(res.status);
          if (verdict === 'delivered') return void Atomics.store(state, 1 + index, 1);
          if (verdict === 'final') return void Atomics.store(state, 1 + index, 2);
        } catch {
          // A network failure: retried below while time is left.
        }
        const pause = request.retryBackoffBaseMs * 2 ** attempt;
        if (Date.now() + pause >= request.deadline) return;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    };
    void Promise.all(request.bodies.map(attemptOne)).finally(() => {
      Atomics.store(state, 0, 1);
      Atomics.notify(state, 0);
    });
  });
}
