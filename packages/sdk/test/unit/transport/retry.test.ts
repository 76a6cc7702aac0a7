import { describe, expect, it } from 'vitest';
import { backoffDelay, classifyStatus, MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../../src/transport/retry';

describe('classifyStatus', () => {
  it.each([200, 201, 202, 204])('%i is delivered', (s) => expect(classifyStatus(s)).toBe('delivered'));
  it.each([408, 425, 429, 500, 502, 503, 504, 599])('%i is retried', (s) => expect(classifyStatus(s)).toBe('retry'));
  it.each([301, 400, 401, 403, 404, 409, 413, 422])('%i is final', (s) => expect(classifyStatus(s)).toBe('final'));
});

describe('backoffDelay', () => {
  it('doubles per attempt and adds jitter below one base', () => {
    expect(backoffDelay(0, 500, () => 0)).toBe(500);
    expect(backoffDelay(1, 500, () => 0)).toBe(1000);
    expect(backoffDelay(2, 500, () => 0.5)).toBe(2250);
  });
  it('is capped', () => expect(backoffDelay(40, 500, () => 0.99)).toBe(MAX_BACKOFF_MS));
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-04-11T14:23:00Z');
  it('reads delay-seconds', () => expect(parseRetryAfter('3', now)).toBe(3000));
  it('reads an HTTP date', () => expect(parseRetryAfter('Sat, 11 Apr 2026 14:23:05 GMT', now)).toBe(5000));
  it('clamps a date in the past to zero', () => expect(parseRetryAfter('Sat, 11 Apr 2026 14:00:00 GMT', now)).toBe(0));
  it('clamps a huge value', () => expect(parseRetryAfter('999999999', now)).toBe(MAX_RETRY_AFTER_MS));
  it.each([undefined, '', 'soon', '-3', '1e3'])('ignores %j', (v) => expect(parseRetryAfter(v, now)).toBeUndefined());
});
