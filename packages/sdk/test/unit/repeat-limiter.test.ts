import { describe, expect, it } from 'vitest';
import { createRepeatLimiter } from '../../src/repeat-limiter';

function makeError(message: string): Error {
  return new TypeError(message);
}

describe('createRepeatLimiter', () => {
  it('caps repeats of one error per window, counting what it turns away', () => {
    let collapsed = 0;
    let now = 0;
    const limiter = createRepeatLimiter(() => collapsed++, () => now);
    const admitted = Array.from({ length: 1000 }, (_, i) => limiter.admit(makeError(`order ${i} failed`))).filter(Boolean);
    // Five, plus at most five more once the site check has seen this throw site.
    expect(admitted.length).toBeGreaterThanOrEqual(5);
    expect(admitted.length).toBeLessThanOrEqual(10);
    expect(collapsed).toBe(1000 - admitted.length);
    now += 60_000;
    expect(limiter.admit(makeError('order 7 failed'))).toBe(true);
  });

  it('lets distinct errors through during a storm of one', () => {
    const limiter = createRepeatLimiter(() => undefined, () => 0);
    for (let i = 0; i < 50; i++) limiter.admit(makeError('same'));
    expect(limiter.admit(makeError('different message'))).toBe(true);
    expect(limiter.admit(new RangeError('same'))).toBe(true);
  });

  it('lets the same message from a new throw site through within a few repeats', () => {
    const limiter = createRepeatLimiter(() => undefined, () => 0);
    const fromA = () => new Error('boom');
    const fromB = () => new Error('boom');
    for (let i = 0; i < 1000; i++) limiter.admit(fromA());
    const fromBAdmitted = Array.from({ length: 32 }, () => limiter.admit(fromB())).filter(Boolean);
    expect(fromBAdmitted.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps its memory bounded with endlessly distinct errors', () => {
    const limiter = createRepeatLimiter(() => undefined, () => 0);
    for (let i = 0; i < 5000; i++) expect(limiter.admit(`distinct ${'x'.repeat(i % 7)} ${i}`.replace(/\d/g, 'n') + i)).toBe(true);
  });

  it('survives hostile values', () => {
    const limiter = createRepeatLimiter(() => undefined, () => 0);
    const trap = () => { throw new Error('trap'); };
    expect(limiter.admit(new Proxy({}, { get: trap }))).toBe(true);
    expect(limiter.admit(null)).toBe(true);
    expect(limiter.admit(Symbol('s'))).toBe(true);
  });
});
