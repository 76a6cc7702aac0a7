import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isServerError, pathOf, statusOf } from '../../../src/middleware/common';
import { expressRoute } from '../../../src/middleware/node-requests';

describe('statusOf', () => {
  it('reads getStatus(), then status, then statusCode', () => {
    expect(statusOf({ getStatus: () => 404, status: 500, statusCode: 502 })).toBe(404);
    expect(statusOf({ status: 503, statusCode: 502 })).toBe(503);
    expect(statusOf(Object.assign(new Error('x'), { statusCode: 422 }))).toBe(422);
  });

  it('ignores values that are not an HTTP error status', () => {
    for (const status of [200, 302, 399, 600, 500.5, '500', NaN, null]) expect(statusOf({ status, statusCode: status })).toBeUndefined();
    expect(statusOf({ status: 'active', statusCode: 409 })).toBe(409);
  });

  it('survives throwing accessors and reads nothing from primitives', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); } });
    expect(statusOf(hostile)).toBeUndefined();
    expect(statusOf({ getStatus: () => { throw new Error('no'); }, status: 502 })).toBe(502);
    for (const value of [undefined, null, 'boom', 500, Symbol('s')]) expect(statusOf(value)).toBeUndefined();
  });
});

describe('isServerError', () => {
  it('reports errors without a status or with a 5xx one', () => {
    expect(isServerError(new Error('plain'))).toBe(true);
    expect(isServerError('thrown string')).toBe(true);
    expect(isServerError(undefined)).toBe(true);
    expect(isServerError({ status: 500 })).toBe(true);
    expect(isServerError({ statusCode: 599 })).toBe(true);
  });

  it('does not report 4xx errors, nor errors marked expose: true without a status', () => {
    expect(isServerError({ status: 404 })).toBe(false);
    expect(isServerError({ getStatus: () => 400 })).toBe(false);
    expect(isServerError(Object.assign(new Error('for the client'), { expose: true }))).toBe(false);
    expect(isServerError({ status: 502, expose: true })).toBe(true);
  });
});

describe('pathOf', () => {
  it.each([
    ['/orders/7?card=4111', '/orders/7'],
    ['/orders/7#top', '/orders/7'],
    ['/', '/'],
    ['', '/'],
    ['?q=1', '/'],
    ['https://shop.example/orders/7?x=1#y', '/orders/7'],
    ['http://127.0.0.1:3000', '/'],
    ['http://[::1]:3000/a/b?c', '/a/b'],
  ])('%s → %s', (url, path) => {
    expect(pathOf(url)).toBe(path);
  });

  it('keeps the path of any URL, and never its query string or fragment', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const path = pathOf(url) ?? '';
        expect(path).toMatch(/^\/[^?#]*$/);
        if (path !== '/') expect(url.split(/[?#]/)[0]?.endsWith(path)).toBe(true);
      }),
    );
  });
});

describe('expressRoute', () => {
  const request = (template: unknown, originalUrl: string, baseUrl = '') => ({ route: { path: template }, originalUrl, baseUrl });

  it.each([
    ['/orders/:id', '/orders/7?x=1', '', '/orders/:id'],
    ['/orders/:id', '/api/orders/7', '', '/api/orders/:id'],
    ['/orders/:id', '/api/orders/7/', '', '/api/orders/:id'],
    ['/orders/:id', '/api/v2/orders/7', '/api/v2', '/api/v2/orders/:id'],
    ['/', '/api', '', '/api/'],
    ['/files/*splat', '/static/files/a/b', '', '/files/*splat'],
  ])('%s for %s (baseUrl %j) → %s', (template, originalUrl, baseUrl, expected) => {
    expect(expressRoute(request(template, originalUrl, baseUrl))).toBe(expected);
  });

  it('gives nothing when no route matched or its path is not a string', () => {
    expect(expressRoute({ originalUrl: '/missing' })).toBeUndefined();
    expect(expressRoute(request(/^\/re/, '/re'))).toBeUndefined();
    expect(expressRoute(request(['/a', '/b'], '/a'))).toBeUndefined();
  });
});
