import { describe, expect, it } from 'vitest';
import { fingerprintReport } from '../src/report/fingerprint.js';
import { findTopFrame, parseStack } from '../src/report/stack-frames.js';
import { makeReport } from './helpers/test-gateway.js';
import type { ExceptionReport } from '../src/report/validate-report.js';

function report(overrides: Partial<ExceptionReport>): ExceptionReport {
  return makeReport(overrides) as ExceptionReport;
}

describe('parseStack', () => {
  it.each([
    ['    at charge (/srv/app/pay.js:42:11)', { fn: 'charge', file: '/srv/app/pay.js', inApp: true }],
    ['    at /srv/app/main.js:3:9', { fn: '<anonymous>', file: '/srv/app/main.js', inApp: true }],
    ['    at async Promise.all (index 0)', { fn: 'async Promise.all', file: 'index 0', inApp: false }],
    ['    at new Order (file:///srv/app/o.mjs:5:7)', { fn: 'new Order', file: 'file:///srv/app/o.mjs', inApp: true }],
    ['    at Foo.bar [as baz] (C:\\app\\x.js:1:1)', { fn: 'Foo.bar [as baz]', file: 'C:\\app\\x.js', inApp: true }],
    ['    at JSON.parse (<anonymous>)', { fn: 'JSON.parse', file: '<anonymous>', inApp: false }],
    ['    at Array.map (native)', { fn: 'Array.map', file: 'native', inApp: false }],
    ['    at readFile (node:fs:453:20)', { fn: 'readFile', file: 'node:fs', inApp: false }],
    ['    at _compile (internal/modules/loader.js:10:4)', { fn: '_compile', file: 'internal/modules/loader.js', inApp: false }],
    ['    at handle (/srv/node_modules/ex/layer.js:95:5)', { fn: 'handle', file: '/srv/node_modules/ex/layer.js', inApp: false }],
    ['    at eval (eval at run (/x.js:1:1), <anonymous>:1:1)', { fn: 'eval', file: 'eval at run (/x.js:1:1), <anonymous>', inApp: false }],
    ['    at placeOrder (src/orders/place.ts:14:11)', { fn: 'placeOrder', file: 'src/orders/place.ts', inApp: true }],
    ['    at Layer.handle (node_modules/express/lib/router/layer.js:95:5)', { fn: 'Layer.handle', file: 'node_modules/express/lib/router/layer.js', inApp: false }],
    ['    at run (packages/api/node_modules/pg/lib/client.js:5:1)', { fn: 'run', file: 'packages/api/node_modules/pg/lib/client.js', inApp: false }],
    ['    at load (src\\node_modules\\x.js:1:1)', { fn: 'load', file: 'src\\node_modules\\x.js', inApp: false }],
    ['    at node:internal/process/task_queues:95:5', { fn: '<anonymous>', file: 'node:internal/process/task_queues', inApp: false }],
    ['    at check (src/node_modules_audit.ts:3:1)', { fn: 'check', file: 'src/node_modules_audit.ts', inApp: true }],
  ])('reads %s', (line, frame) => {
    expect(parseStack(line, 'typescript')[0]?.frame).toMatchObject(frame);
  });

  it.each([
    ['    at placeOrder (src/orders/place.ts:14:11)', 'src/orders/place.ts:14:11', 14],
    ['    at src/main.ts:3', 'src/main.ts:3', 3],
    ['    at JSON.parse (<anonymous>)', '<anonymous>', undefined],
    ['    at odd (a:1:2:3)', 'a:1:2:3', 2],
  ])('keeps the printed location and the line of %s', (text, location, line) => {
    expect(parseStack(text, 'typescript')[0]?.frame).toMatchObject({ location, line });
  });

  it('finds the throw site below relative dependency and runtime frames', () => {
    const stack = [
      'TypeError: x',
      '    at Layer.handle (node_modules/express/lib/router/layer.js:95:5)',
      '    at node:internal/process/task_queues:95:5',
      '    at placeOrder (src/orders/place.ts:14:11)',
    ].join('\n');
    expect(findTopFrame(stack, 'typescript')).toMatchObject({ fn: 'placeOrder', file: 'src/orders/place.ts' });
  });

  it('leaves message and cause lines without a frame', () => {
    const lines = parseStack('Error: at the top\n    at a (/x.js:1:1)\nCaused by: Error: inner', 'typescript');
    expect(lines.map((line) => line.frame === undefined)).toEqual([true, false, true]);
  });

  it('falls back to the innermost frame when no frame belongs to the application', () => {
    const stack = 'E: x\n    at a (/srv/node_modules/a.js:1:1)\n    at b (node:internal/x:1:1)';
    expect(findTopFrame(stack, 'typescript')?.fn).toBe('a');
  });
});

describe('fingerprintReport', () => {
  it('ignores line and column numbers, file URL prefixes and query strings', () => {
    const a = fingerprintReport(report({ stackTrace: 'E: x\n    at run (/srv/app/a.js:1:1)' }));
    const b = fingerprintReport(report({ stackTrace: 'E: y\n    at run (file:///srv/app/a.js?v=3:99:7)' }));
    expect(b).toEqual(a);
  });

  it('ignores content hashes in bundle file names', () => {
    const a = fingerprintReport(report({ stackTrace: 'E\n    at run (/srv/app/chunk-3f9a1c0b.js:1:1)' }));
    const b = fingerprintReport(report({ stackTrace: 'E\n    at run (/srv/app/chunk-77ee0d12.js:8:1)' }));
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.culprit).toBe('run (/srv/app/chunk-[hash].js)');
  });

  it.each([
    ['async load', 'load'],
    ['new Order', 'Order'],
    ['Timeout.load [as _onTimeout]', 'load'],
    ['Object.<anonymous>', '<anonymous>'],
    ['OrderService.load', 'load'],
  ])('names the frame %s after the function alone (%s)', (printed, name) => {
    const a = fingerprintReport(report({ stackTrace: `E\n    at ${printed} (/srv/app/a.js:1:1)` }));
    const b = fingerprintReport(report({ stackTrace: `E\n    at ${name} (/srv/app/a.js:2:1)` }));
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.culprit).toBe(`${name} (/srv/app/a.js)`);
  });

  it.each([
    ['/api/orders/42', '/api/orders/:id'],
    ['/api/orders/7f3c2a1e-5b6d-4c8e-9a0b-1c2d3e4f5a6b/items', '/api/orders/:id/items'],
    ['/api/blobs/0123456789abcdef0123', '/api/blobs/:id'],
    ['/api/v2/users/me', '/api/v2/users/me'],
    ['/api/feed/deadbeefdeadbeefdead', '/api/feed/deadbeefdeadbeefdead'],
    ['<unknown>', '<unknown>'],
  ])('turns the endpoint %s into the pattern %s', (endpoint, pattern) => {
    expect(fingerprintReport(report({ endpoint })).endpointPattern).toBe(pattern);
  });

  it('groups by the in-app throw site of repository-relative frames, whatever the dependency frames above it', () => {
    const dependency = (file: string) => `E: x\n    at handle (${file}:95:5)\n    at placeOrder (src/orders/place.ts:14:11)`;
    const a = fingerprintReport(report({ stackTrace: dependency('node_modules/express/lib/router/layer.js') }));
    const b = fingerprintReport(report({ stackTrace: dependency('node_modules/fastify/lib/route.js') }));
    const c = fingerprintReport(report({ stackTrace: dependency('node:internal/timers') }));
    expect(a.culprit).toBe('placeOrder (src/orders/place.ts)');
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('gives an empty culprit to a report without frames', () => {
    expect(fingerprintReport(report({ stackTrace: 'Error: no frames' })).culprit).toBe('');
  });
});
