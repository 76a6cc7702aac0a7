/** @module Retry policy as data: which answers are retried, how long to wait. */

/** Longest wait between attempts, whatever the attempt number. */
export const MAX_BACKOFF_MS = 60_000;
/** Longest `Retry-After` honoured; a gateway asking for more is waited on for this long. */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/** How one attempt ended, as far as retrying is concerned. */
export type AttemptOutcome =
  | { kind: 'delivered'; exceptionId: string | null }
  | { kind: 'retry'; cause: string; detail: string; retryAfterMs?: number }
  | { kind: 'final'; cause: string; detail: string };

/**
 * Classifies an HTTP answer. 2xx is delivered; 429 and 5xx are transient, and so are
 * 408 (request timeout) and 425 (too early); every other 4xx means the request itself or the
 * configuration is wrong, and sending it again cannot help.
 */
export function classifyStatus(status: number): 'delivered' | 'retry' | 'final' {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'final';
}

/** `base × 2^attempt + jitter`, jitter uniform in `[0, base)`, capped at {@link MAX_BACKOFF_MS}. */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** attempt + random() * baseMs);
}

/**
 * Parses `Retry-After`: delay-seconds or an HTTP date (RFC 9110 §10.2.3). Returns milliseconds
 * from `now`, clamped to `[0, MAX_RETRY_AFTER_MS]`, or `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  const ms = /^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : /[a-z]/i.test(text) ? Date.parse(text) - now : Number.NaN;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}
