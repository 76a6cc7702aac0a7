import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeError, NON_ERROR_TYPE } from '../../src/event';

const LIMIT = 70_000;

class PaymentError extends Error {}

describe('describeError', () => {
  it('uses the class name, the message and the stack', () => {
    const error = new PaymentError('card declined');
    const raw = describeError(error, LIMIT);
    expect(raw.exceptionType).toBe('PaymentError');
    expect(raw.errorMessage).toBe('card declined');
    expect(raw.stackTrace).toBe(error.stack);
  });

  it('keeps the class name stable when instances vary their name', () => {
    const a = new DOMException('x', 'AbortError');
    const b = new DOMException('y', 'TimeoutError');
    expect(describeError(a, LIMIT).exceptionType).toBe('DOMException');
    expect(describeError(b, LIMIT).exceptionType).toBe('DOMException');
  });

  it('appends the cause chain after the stack', () => {
    const root = new TypeError('root cause');
    const middle = new Error('middle', { cause: root });
    const top = new PaymentError('top', { cause: middle });
    const { stackTrace } = describeError(top, LIMIT);
    expect(stackTrace.startsWith(top.stack as string)).toBe(true);
    expect(stackTrace).toContain(`\nCaused by: ${middle.stack}`);
    expect(stackTrace).toContain(`\nCaused by: ${root.stack}`);
    expect(stackTrace.indexOf('middle')).toBeLessThan(stackTrace.indexOf('root cause'));
  });

  it('appends AggregateError.errors', () => {
    const error = new AggregateError([new Error('first'), 'second'], 'all failed');
    const { exceptionType, stackTrace } = describeError(error, LIMIT);
    expect(exceptionType).toBe('AggregateError');
    expect(stackTrace).toContain('Aggregated error 1 of 2: Error: first');
    expect(stackTrace).toContain('Aggregated error 2 of 2: NonError: second');
  });

  it('survives cycles in causes and aggregates', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    const agg = new AggregateError([a], 'agg');
    (agg.errors as unknown[]).push(agg);
    expect(describeError(a, LIMIT).stackTrace.match(/Caused by/g)).toHaveLength(1);
    expect(describeError(agg, LIMIT).stackTrace).toContain('Error: a');
  });

  it('bounds a long cause chain', () => {
    let error = new Error('e0');
    for (let i = 1; i < 1000; i++) error = new Error(`e${i}`, { cause: error });
    const { stackTrace } = describeError(error, LIMIT);
    expect(stackTrace.match(/Caused by/g)!.length).toBeLessThanOrEqual(16);
  });

  it.each([
    ['boom', 'boom'],
    [42, '42'],
    [null, 'null'],
    [undefined, 'undefined'],
    [false, 'false'],
    [10n, '10n'],
    [Symbol('s'), 'Symbol(s)'],
    [{ code: 42, reason: 'x' }, '{"code":42,"reason":"x"}'],
    [[1, 'a'], '[1,"a"]'],
  ])('describes the non-Error %o with a stable shape', (value, message) => {
    const raw = describeError(value, LIMIT);
    expect(raw).toEqual({ exceptionType: NON_ERROR_TYPE, errorMessage: message, stackTrace: `NonError: ${message}` });
  });

  it('treats error-like objects from other realms as errors', () => {
    const foreign = { name: 'RangeError', message: 'out of range', stack: 'RangeError: out of range\n    at x (y.js:1:2)' };
    expect(describeError(foreign, LIMIT)).toMatchObject({ exceptionType: 'RangeError', errorMessage: 'out of range' });
  });

  it('tolerates throwing getters, Proxies and revoked Proxies', () => {
    const hostile = new Error('x');
    Object.defineProperty(hostile, 'stack', { get: () => { throw new Error('nope'); } });
    Object.defineProperty(hostile, 'message', { get: () => { throw new Error('nope'); } });
    Object.defineProperty(hostile, 'cause', { get: () => { throw new Error('nope'); } });
    expect(describeError(hostile, LIMIT).exceptionType).toBe('Error');

    const trap = () => { throw new Error('trap'); };
    const proxy = new Proxy({}, { get: trap, ownKeys: trap, getPrototypeOf: trap, has: trap, getOwnPropertyDescriptor: trap });
    expect(describeError(proxy, LIMIT).exceptionType).toBe(NON_ERROR_TYPE);

    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(describeError(revoked, LIMIT).exceptionType).toBe(NON_ERROR_TYPE);
    expect(describeError({ a: { get b() { throw new Error('x'); } } }, LIMIT).errorMessage).toBe('{"a":{"b":undefined}}');
  });

  it('renders a revoked Proxy nested past the depth limit', () => {
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(describeError({ a: { b: { c: revoked } } }, LIMIT).errorMessage).toBe('{"a":{"b":{"c":[Object]}}}');
  });

  it('renders cyclic plain objects', () => {
    const o: Record<string, unknown> = { a: 1 };
    o.self = o;
    expect(describeError(o, LIMIT).errorMessage).toBe('{"a":1,"self":[Circular]}');
  });

  it('reads a 5 MB message only up to the limit', () => {
    const big = new Error('x'.repeat(5 * 1024 * 1024));
    const raw = describeError(big, LIMIT);
    expect(raw.errorMessage.length).toBe(LIMIT);
    expect(raw.stackTrace.length).toBeLessThanOrEqual(LIMIT);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }), (value) => {
        const raw = describeError(value, LIMIT);
        expect(typeof raw.exceptionType).toBe('string');
        expect(typeof raw.errorMessage).toBe('string');
        expect(typeof raw.stackTrace).toBe('string');
      }),
    );
  });
});
