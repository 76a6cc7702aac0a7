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
    const admitted = Array.from({ length: 100 }, (_, i) => limiter.admit(makeError(`order ${i} failed`))).filter(Boolean);
    expect(admitted).toHaveLength(5);
    expect(collapsed).toBe(95);
    now += 60_000;
    expect(limiter.admit(makeError('order 7 failed'))).toBe(true);
  });

  it('lets distinct errors through during a storm of one', () => {
    const limiter = createRepeatLimiter(() => undefined, () => 0);
    for (let i = 0; i < 50; i++) limiter.admit(makeError('same'));
    expect(limiter.admit(makeError('different message'))).toBe(true);
    expect(limiter.admit(new RangeError('same'))).toBe(true);
  });

  it('tells apart the same message thrown from two places', () => {
    const limiter = createRepeatLimiter(() => undefined, () => 0);
    const fromA = () => new Error('boom');
    const fromB = () => new Error('boom');
    for (let i = 0; i < 10; i++) limiter.admit(fromA());
    expect(limiter.admit(fromB())).toBe(true);
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
