import { describe, expect, it } from 'vitest';
import { scrub } from '../../src/scrub';

/** Repeats `unit` up to `length` characters. */
const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Deterministic pseudo-random digits, so a run of card-like groups is mostly Luhn-invalid. */
function digitGroups(length: number): string {
  let seed = 7;
  let out = '';
  while (out.length < length) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    out += `${String(seed % 10000).padStart(4, '0')} `;
  }
  return out.slice(0, length);
}

/** Inputs built to make a careless scanner go back over what it has read. */
const HOSTILE: Readonly<Record<string, (length: number) => string>> = {
  'a@ runs': (n) => fill('a@', n),
  'almost-emails': (n) => fill('a.b-c_d+e@f-g.h', n),
  'long local part': (n) => `${fill('a', n - 12)}@example.com`,
  'long domain': (n) => `a@${fill('a.', n - 2)}`,
  'digits': (n) => fill('1', n),
  'digit groups': digitGroups,
  'dotted digits': (n) => fill('1.', n),
  'colons': (n) => fill(':', n),
  'dots': (n) => fill('.', n),
  'equals': (n) => fill('=', n),
  'key=value chains': (n) => fill('password=', n),
  'key: value chains': (n) => fill('token: ', n),
  'key names without values': (n) => fill('password ', n),
  'quoted keys': (n) => fill('"password":"', n),
  'almost-IPv6': (n) => fill('1:2:3:4:5:6:7:', n),
  'hex with colons': (n) => fill('ab:cd:ef:01:', n),
  'double colons': (n) => fill('fe80::', n),
  'URL userinfo': (n) => `http://${fill('a:', n - 8)}@`,
  'percent-encoded @': (n) => fill('%40', n),
  'PEM headers': (n) => fill('-----BEGIN ', n),
  'dashes and underscores': (n) => fill('-_', n),
  'JWT prefixes': (n) => fill('eyJ.', n),
  'Bearer words': (n) => fill('Bearer ', n),
  'brackets': (n) => fill('[]', n),
};

/** The fastest of a few scrubs of each text, in milliseconds, taken in turns so that a burst of load hits both. */
function fastest(small: string, large: string): [number, number] {
  let bestSmall = Number.POSITIVE_INFINITY;
  let bestLarge = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    for (const [text, isLarge] of [[small, false], [small, false], [large, true]] as const) {
      const start = performance.now();
      scrub(text);
      const elapsed = performance.now() - start;
      if (isLarge) bestLarge = Math.min(bestLarge, elapsed);
      else bestSmall = Math.min(bestSmall, elapsed);
    }
  }
  return [Math.max(bestSmall, 0.05), bestLarge];
}

describe('scrub on hostile input', () => {
  it.each(Object.entries(HOSTILE))('grows linearly: %s', (_name, make) => {
    const small = make(100_000);
    const large = make(1_000_000);
    scrub(small);
    // Ten times the text should take about ten times as long; a quadratic scan would take a hundred.
    let ratio = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 3 && ratio >= 20; attempt++) {
      const [smallMs, largeMs] = fastest(small, large);
      ratio = largeMs / smallMs;
    }
    expect(ratio).toBeLessThan(20);
  });
});
