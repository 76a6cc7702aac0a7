import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GITHUB_BLOB_PREFIX, sourceLink } from '../src/report/source-link.js';
import { parseStack, type StackFrame } from '../src/report/stack-frames.js';

function frameOf(location: string): StackFrame {
  const frame = parseStack(`    at fn (${location})`, 'typescript')[0]?.frame;
  if (!frame) throw new Error(`not a frame: ${location}`);
  return frame;
}

function linkOf(location: string, githubRepo = 'acme/shop'): string | undefined {
  return sourceLink(githubRepo, frameOf(location));
}

describe('sourceLink', () => {
  it.each([
    ['src/orders/place.ts:14:11', 'https://github.com/acme/shop/blob/HEAD/src/orders/place.ts#L14'],
    ['main.ts:1:1', 'https://github.com/acme/shop/blob/HEAD/main.ts#L1'],
    ['src/my file.ts:3:1', 'https://github.com/acme/shop/blob/HEAD/src/my%20file.ts#L3'],
    ['src/a#b?c%d.ts:2:1', 'https://github.com/acme/shop/blob/HEAD/src/a%23b%3Fc%25d.ts#L2'],
    ['src/[id]/page.tsx:9:4', 'https://github.com/acme/shop/blob/HEAD/src/%5Bid%5D/page.tsx#L9'],
    ['src/a:b.ts:5:1', 'https://github.com/acme/shop/blob/HEAD/src/a%3Ab.ts#L5'],
  ])('links %s to its line', (location, href) => {
    expect(linkOf(location)).toBe(href);
  });

  it.each([
    'node:internal/process/task_queues:95:5',
    'node:fs:453:20',
    'internal/modules/loader.js:10:4',
    'node_modules/express/lib/router/layer.js:95:5',
    'packages/api/node_modules/pg/lib/client.js:5:1',
    '/usr/lib/x.js:1:1',
    '/srv/app/src/a.ts:1:1',
    'file:///opt/x.mjs:1:1',
    'C:\\app\\x.js:1:1',
    'src\\app\\x.js:1:1',
    'webpack-internal:///./src/x.ts:1:1',
    'https://evil.example/x.js:1:1',
    'javascript:alert(1)',
    'javascript:alert(1):1:1',
    '//evil.example/x:1:1',
    'src//x.ts:1:1',
    'src/:1:1',
    'src/../../x:1:1',
    '../x.ts:1:1',
    './src/x.ts:1:1',
    '<anonymous>',
    'native',
    'index 0',
    'eval at run (src/x.ts:1:1), <anonymous>:1:1',
    'src/x.ts',
    'src/x.ts:0:1',
    'src/x.ts:99999999999999999999:1',
  ])('gives no link to %j', (location) => {
    expect(linkOf(location)).toBeUndefined();
  });

  it.each(['src/\u0000x.ts', 'src/\nx.ts', 'src/\tx.ts', 'src/\u007fx.ts', 'src/\u0085x.ts', 'src/\ud800.ts'])(
    'gives no link to a path with the control character or lone surrogate in %j',
    (file) => {
      expect(sourceLink('acme/shop', { fn: 'f', file, location: `${file}:1:1`, line: 1, inApp: true })).toBeUndefined();
    },
  );

  it('encodes markup in a path, so the link stays on GitHub', () => {
    const href = linkOf('"><img src=x onerror=alert(1)>:1:1');
    expect(href).toBe('https://github.com/acme/shop/blob/HEAD/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E#L1');
  });

  it.each(['a/b"><script>', 'a/b/c', 'a', '/b', 'a/', 'a/..', 'a/.', '../b', 'a b/c', 'a/b#x', 'a/b?x', 'evil.example:443/b', ''])(
    'gives no link for the repository %j',
    (githubRepo) => {
      expect(linkOf('src/a.ts:1:1', githubRepo)).toBeUndefined();
    },
  );

  it('gives no link to a Python frame, which has no line in the parsed frame', () => {
    const frame = parseStack('  File "app/views.py", line 88, in create', 'python')[0]?.frame;
    expect(frame && sourceLink('acme/billing', frame)).toBeUndefined();
  });

  it('never leaves GitHub or the repository, and encodes the path faithfully, for any path and repository', () => {
    const pathPart = fc.constantFrom('src', '..', '.', '', 'node_modules', 'a b', '%2e%2e', '#', '?', ':', '\\', '\u0000', 'é');
    const path = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(pathPart, { maxLength: 6 }).map((parts) => parts.join('/')));
    const repo = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('acme/shop', 'a-b/c.d_e'));
    fc.assert(
      fc.property(repo, path, fc.integer({ min: -1, max: 1e6 }), (githubRepo, file, line) => {
        const frame: StackFrame = { fn: 'f', file, location: `${file}:${line}:1`, line, inApp: true };
        const href = sourceLink(githubRepo, frame);
        if (href === undefined) return;
        const url = new URL(href);
        expect(url.origin).toBe('https://github.com');
        expect(href.startsWith(`${GITHUB_BLOB_PREFIX}${githubRepo}/blob/HEAD/`)).toBe(true);
        expect(url.hash).toBe(`#L${line}`);
        const segments = url.pathname.split('/').slice(5);
        expect(segments.map(decodeURIComponent).join('/')).toBe(file);
        expect(segments).not.toContain('..');
      }),
      { numRuns: 500 },
    );
  });
});
