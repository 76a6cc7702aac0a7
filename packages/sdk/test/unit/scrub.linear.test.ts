import { describe, expect, it } from 'vitest';
import { scrub } from '../../src/scrub';
import { HOSTILE_INPUTS } from '../helpers/hostile-inputs';

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
  it.each(Object.entries(HOSTILE_INPUTS))('grows linearly: %s', (_name, make) => {
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
