import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/event';
import { buildPayload, MAX_MESSAGE_LENGTH, MAX_STACK_LENGTH, sanitizePayload } from '../../src/payload';
import { scrub } from '../../src/scrub';
import { SCRUB_MARGIN, scrubCapped } from '../../src/utils/cap-text';
import { formatTimestamp } from '../../src/utils/timestamp';

const identity = (s: string): string => s;
const context = { githubRepo: 'acme/shop', endpoint: '/api/orders', scrub: identity, now: Date.parse('2026-04-11T14:23:01.123Z') };

describe('buildPayload', () => {
  it('has exactly the seven contract fields, all strings', () => {
    const payload = buildPayload(new RangeError('bad'), context);
    expect(Object.keys(payload).sort()).toEqual(['endpoint', 'errorMessage', 'exceptionType', 'githubRepo', 'language', 'stackTrace', 'timestamp']);
    expect(payload).toMatchObject({
      exceptionType: 'RangeError',
      errorMessage: 'bad',
      endpoint: '/api/orders',
      timestamp: '2026-04-11T14:23:01.123000+00:00',
      githubRepo: 'acme/shop',
      language: 'typescript',
    });
    for (const value of Object.values(payload)) expect(typeof value).toBe('string');
  });

  it('drops the query string and fragment of the endpoint', () => {
    expect(buildPayload(new Error('x'), { ...context, endpoint: '/a/b?email=x@y.z#frag' }).endpoint).toBe('/a/b');
  });

  it('scrubs message, stack and endpoint', () => {
    const scrub = (s: string): string => s.replaceAll('secret', '[GONE]');
    const payload = buildPayload(new Error('a secret'), { ...context, endpoint: '/u/secret', scrub });
    expect(payload.errorMessage).toBe('a [GONE]');
    expect(payload.stackTrace).toContain('Error: a [GONE]');
    expect(payload.endpoint).toBe('/u/[GONE]');
  });

  it('caps message and stack so a report stays far below 1 MB', () => {
    const payload = buildPayload(new Error('word '.repeat(1_000_000)), context);
    expect(payload.errorMessage.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH + 20);
    expect(payload.stackTrace.length).toBeLessThanOrEqual(MAX_STACK_LENGTH + 20);
    expect(payload.errorMessage.endsWith('…[truncated]')).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThan(200_000);
  });

  it('scrubs message and stack with the built-in rules as two separate scrubs would', () => {
    const withStack = (error: Error, stack: string): Error => Object.assign(error, { stack });
    const card = '4111 1111 1111 1111';
    const errors = [
      new Error(`card ${card} of bob@example.com from 10.0.0.7`),
      // The `: ` after a sensitive name starts a secret that the message alone does not hold.
      withStack(new Error('abc123'), 'Token: abc123\n    at f (/srv/app/x.js:1:2)'),
      withStack(new Error('two\nlines bob@example.com'), 'Error: two\nlines bob@example.com\n    at f (/srv/app/x.js:1:2)'),
      withStack(new Error('"-----BEGIN PRIVATE KEY-----'), 'Error: "-----BEGIN PRIVATE KEY-----\n    at f (/srv/app/x.js:1:2)'),
      // Scrubbed in a window, cut past the cap: the cut end is no end of the message.
      new Error(`${'word '.repeat(Math.ceil((MAX_MESSAGE_LENGTH + SCRUB_MARGIN) / 5))}${card}`),
    ];
    for (const error of errors) {
      const raw = describeError(error, MAX_STACK_LENGTH + SCRUB_MARGIN);
      const payload = buildPayload(error, { ...context, scrub });
      expect(payload.errorMessage).toBe(scrubCapped(raw.errorMessage, MAX_MESSAGE_LENGTH, scrub));
      expect(payload.stackTrace).toBe(scrubCapped(raw.stackTrace, MAX_STACK_LENGTH, scrub));
    }
  });
});

describe('sanitizePayload', () => {
  const original = buildPayload(new Error('x'), context);
  it('keeps only contract fields and scrubs again', () => {
    const changed = sanitizePayload({ ...original, errorMessage: 'now secret', extra: 1 }, original, (s) => s.replace('secret', '***'));
    expect(changed).toEqual({ ...original, errorMessage: 'now ***' });
  });
  it('refuses what is not a payload', () => {
    expect(sanitizePayload('nope', original, identity)).toBeUndefined();
  });
});

describe('scrubCapped', () => {
  const hideDigits = (s: string): string => s.replace(/\d{4}(?:[ -]?\d{4}){3}/g, '[CREDIT_CARD]');

  it('scrubs past the cap before cutting, so a secret on the cut is never half kept', () => {
    const text = 'x '.repeat(50) + 'card 4111 1111 1111 1111 tail';
    for (let cap = 90; cap < 135; cap++) {
      const out = scrubCapped(text, cap, hideDigits);
      expect(out).not.toMatch(/\d{4}/);
    }
  });

  it('drops a partial token at the cut, whole', () => {
    const out = scrubCapped(`aaa bbb ${'z'.repeat(200)}`, 100, identity);
    expect(out).toBe('aaa bbb  …[truncated]');
  });

  it('cuts a token longer than the look-back at the cap', () => {
    expect(scrubCapped('m'.repeat(10_000), 100, identity)).toBe(`${'m'.repeat(100)} …[truncated]`);
  });

  it('never splits a surrogate pair', () => {
    const text = '😀'.repeat(10_000);
    const out = scrubCapped(text, 101, identity);
    expect(out.includes('\uFFFD')).toBe(false);
    expect([...out.replace(' …[truncated]', '')].every((c) => c === '😀')).toBe(true);
  });

  it('leaves short text alone', () => {
    expect(scrubCapped('short', 100, identity)).toBe('short');
  });
});

describe('formatTimestamp', () => {
  it('is shaped as the Python SDK sends it', () => {
    expect(formatTimestamp(Date.parse('2026-04-11T14:23:01.123Z'))).toBe('2026-04-11T14:23:01.123000+00:00');
    expect(formatTimestamp(Date.now())).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/);
  });
});
