/** @module Delivery queue: bounded, concurrent, retrying, pausing on 429, breaking on outages. */
import type { DropTally } from './drop-tally';
import type { Logger } from '../logger';
import { gatewayHeaders, type Send, type SendResponse } from './http-send';
import { type AttemptOutcome, backoffDelay, classifyStatus, parseRetryAfter } from './retry';

/** Requests in flight at once. */
const CONCURRENCY = 2;
/** Consecutive 401/403 answers after which sending stops until the next `configure`. */
const AUTH_FAILURES_BEFORE_STOP = 3;
/** Consecutive transient failures that open the circuit. */
const BREAKER_THRESHOLD = 5;
/** First open period of the circuit; doubles at each re-opening, up to the maximum. */
const BREAKER_BASE_MS = 5_000;
const BREAKER_MAX_MS = 300_000;
/** Network error codes whose cause is the TLS layer: named apart so the warning says so. */
const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|ERR_TLS/;

export interface TransportOptions {
  endpointUrl: string;
  apiKey: string;
  timeoutMs: number;
  maxRetries: number;
  retryBackoffBaseMs: number;
  maxQueueSize: number;
}

/**
 * How a report ended: `delivered` (with the gateway's id when it sent one), `rejected` by the
 * gateway for good (4xx), or `failed` (retries exhausted, queue full, sending stopped).
 */
export type Delivery = { outcome: 'delivered'; id: string | null } | { outcome: 'rejected' | 'failed'; id: null };

const FAILED: Delivery = { outcome: 'failed', id: null };

export interface Transport {
  /** Queues one JSON body and resolves once it is settled. Never rejects. */
  enqueue(body: string): Promise<Delivery>;
  /** Resolves `true` once everything queued so far has settled, `false` after `timeoutMs`. */
  flush(timeoutMs: number): Promise<boolean>;
  /** Bodies not yet confirmed delivered (queued or in flight), for a last synchronous attempt at exit. */
  pendingBodies(): string[];
  /** Stops accepting reports; those already queued go on. */
  close(): void;
}

interface Job {
  body: string;
  attempt: number;
  notBefore: number;
  resolve: (delivery: Delivery) => void;
}

/** Injectable clock, so that tests can drive time without sleeping. */
export interface Clock {
  now(): number;
  random(): number;
}

/**
 * Creates the delivery queue. Failures are logged (rate-limited per cause) and resolved as
 * `null`; nothing ever throws or rejects into the caller. Timers are unref'd.
 */
export function createTransport(
  options: TransportOptions,
  logger: Logger,
  send: Send,
  drops: DropTally,
  clock: Clock = { now: Date.now, random: Math.random },
): Transport {
  const headers = gatewayHeaders(options.apiKey);
  const queue: Job[] = [];
  const inFlight = new Set<Job>();
  const unsettled = new Set<Promise<unknown>>();
  let gateUntil = 0;
  let rateLimitedInARow = 0;
  let failuresInARow = 0;
  let breakerOpenings = 0;
  let authFailures = 0;
  let stopped: 'closed' | 'auth' | undefined;
  let wake: ReturnType<typeof setTimeout> | undefined;
  let wakeAt = Infinity;

  const concurrency = (): number => (failuresInARow >= BREAKER_THRESHOLD ? 1 : CONCURRENCY);

  const schedule = (at: number): void => {
    if (wake !== undefined && wakeAt <= at) return;
    if (wake !== undefined) clearTimeout(wake);
    wakeAt = at;
    wake = setTimeout(() => {
      wake = undefined;
      wakeAt = Infinity;
      pump();
    }, Math.max(0, at - clock.now()));
    (wake as { unref?: () => void }).unref?.();
  };

  const pump = (): void => {
    if (stopped === 'auth') {
      for (const job of queue.splice(0)) job.resolve(FAILED);
      return;
    }
    const now = clock.now();
    if (now < gateUntil) {
      if (queue.length > 0) schedule(gateUntil);
      return;
    }
    let earliest = Infinity;
    for (let i = 0; i < queue.length && inFlight.size < concurrency(); ) {
      const job = queue[i] as Job;
      if (job.notBefore <= now) {
        queue.splice(i, 1);
        attempt(job);
      } else {
        earliest = Math.min(earliest, job.notBefore);
        i++;
      }
    }
    if (earliest !== Infinity) schedule(earliest);
  };

  const attempt = (job: Job): void => {
    inFlight.add(job);
    // A sender that throws synchronously must fail this attempt, not the caller.
    new Promise<SendResponse>((resolve) => resolve(send({ url: options.endpointUrl, headers, body: job.body, timeoutMs: options.timeoutMs })))
      .then(
        (res): AttemptOutcome => {
          const verdict = classifyStatus(res.status);
          if (verdict === 'delivered') return { kind: 'delivered', exceptionId: readExceptionId(res.body) };
          const detail = describeStatus(res.status, options.endpointUrl);
          if (verdict === 'final') return { kind: 'final', cause: `http_${res.status}`, detail };
          return { kind: 'retry', cause: res.status === 429 ? 'rate_limited' : 'server_error', detail, retryAfterMs: parseRetryAfter(res.retryAfter, clock.now()) };
        },
        (error: unknown): AttemptOutcome => describeNetworkError(error, options),
      )
      .then((outcome) => settle(job, outcome))
      .catch(() => settle(job, { kind: 'final', cause: 'internal', detail: 'internal error while sending a report' }));
  };

  const settle = (job: Job, outcome: AttemptOutcome): void => {
    inFlight.delete(job);
    const now = clock.now();
    if (outcome.kind === 'delivered') {
      failuresInARow = breakerOpenings = authFailures = rateLimitedInARow = 0;
      job.resolve({ outcome: 'delivered', id: outcome.exceptionId });
    } else if (outcome.kind === 'final') {
      const auth = outcome.cause === 'http_401' || outcome.cause === 'http_403';
      authFailures = auth ? authFailures + 1 : 0;
      logger.warn(outcome.cause, `report not delivered: ${outcome.detail}`);
      job.resolve({ outcome: 'rejected', id: null });
      if (auth && authFailures >= AUTH_FAILURES_BEFORE_STOP && !stopped) {
        stopped = 'auth';
        logger.warn('auth_stop', `stopped sending after ${authFailures} rejections of the API key; reports are dropped until configure() is called with a valid apiKey`);
      }
    } else {
      if (outcome.cause === 'rate_limited') {
        const pause = outcome.retryAfterMs ?? backoffDelay(rateLimitedInARow, options.retryBackoffBaseMs, clock.random);
        rateLimitedInARow++;
        gateUntil = Math.max(gateUntil, now + pause);
      } else {
        rateLimitedInARow = 0;
        failuresInARow++;
        // Opens on the threshold, and again when the probe after a pause fails; failures of
        // requests already in flight when it opened do not lengthen the pause.
        if (failuresInARow >= BREAKER_THRESHOLD && now >= gateUntil) {
          gateUntil = Math.max(gateUntil, now + Math.min(BREAKER_MAX_MS, BREAKER_BASE_MS * 2 ** breakerOpenings));
          breakerOpenings++;
        }
      }
      if (job.attempt >= options.maxRetries) {
        logger.warn(outcome.cause, `report dropped after ${job.attempt + 1} attempts: ${outcome.detail}`);
        job.resolve(FAILED);
      } else {
        job.notBefore = Math.max(now + backoffDelay(job.attempt, options.retryBackoffBaseMs, clock.random), now + (outcome.retryAfterMs ?? 0));
        job.attempt++;
        queue.unshift(job);
      }
    }
    pump();
  };

  return {
    enqueue(body) {
      if (stopped) return Promise.resolve(FAILED);
      if (queue.length >= options.maxQueueSize) {
        drops.count('queue_full');
        return Promise.resolve(FAILED);
      }
      let resolve!: (delivery: Delivery) => void;
      const delivered = new Promise<Delivery>((r) => (resolve = r));
      unsettled.add(delivered);
      void delivered.then(() => unsettled.delete(delivered));
      queue.push({ body, attempt: 0, notBefore: 0, resolve });
      pump();
      return delivered;
    },
    flush(timeoutMs) {
      if (unsettled.size === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        void Promise.all(unsettled).then(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
    pendingBodies: () => [...inFlight, ...queue].map((job) => job.body),
    close() {
      stopped ??= 'closed';
    },
  };
}

function readExceptionId(body: string): string | null {
  try {
    const id = (JSON.parse(body) as { exception_id?: unknown })?.exception_id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  } catch {
    return null;
  }
}

function describeStatus(status: number, url: string): string {
  if (status === 401 || status === 403) return `the gateway rejected the API key (HTTP ${status}): check apiKey, and that githubRepo is enabled for it`;
  if (status === 404) return `the gateway has no ${url} (HTTP 404): check gatewayUrl`;
  if (status === 429) return 'the gateway is rate limiting (HTTP 429); sending is paused';
  if (status >= 500) return `the gateway failed (HTTP ${status}); will retry`;
  return `the gateway refused the report (HTTP ${status}): check gatewayUrl and githubRepo; if they are right, this SDK version may not match the gateway`;
}

function describeNetworkError(error: unknown, options: TransportOptions): AttemptOutcome {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const where = new URL(options.endpointUrl).origin;
  if (code === 'ETIMEDOUT') return { kind: 'retry', cause: 'timeout', detail: `the gateway at ${where} did not answer within ${options.timeoutMs} ms` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'retry', cause: 'dns', detail: `cannot resolve the gateway host of ${where} (${code}): check gatewayUrl and DNS` };
  if (TLS_CODE.test(code)) return { kind: 'retry', cause: 'tls', detail: `TLS failure talking to ${where} (${code}): check the gateway's certificate` };
  const reason = code || (error instanceof Error ? error.message : 'unknown error');
  return { kind: 'retry', cause: 'network', detail: `cannot reach the gateway at ${where} (${reason}): check gatewayUrl and the network` };
}
