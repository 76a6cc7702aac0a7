import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MIDDLEWARE_DIR = fileURLToPath(new URL('../../src/middleware/', import.meta.url));
const SPECIFIER = /\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'|\brequire\s*\(\s*'([^']+)'/g;

describe('framework integrations', () => {
  const files = readdirSync(MIDDLEWARE_DIR).filter((name) => name.endsWith('.ts'));

  // Types are structural too, so that the emitted declarations need no framework either.
  it.each(files)('%s imports no framework, not even its types', (file) => {
    const source = readFileSync(MIDDLEWARE_DIR + file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const specifiers = [...source.matchAll(SPECIFIER)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
    expect(specifiers.filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))).toEqual([]);
  });
});
