/** @module IPv4 addresses in dotted-quad form. */
import { DIGIT, PERIOD, is, isWordChar, skipForward } from './chars';
import { NUMBER_ANCHOR, numberAnchorStart, type Detector } from './detector';
import { IP_ADDRESS, touchesPlaceholder } from './placeholders';

const DOT = 46;

/**
 * A dotted quad, each part 0–255, not glued to a letter, digit, `_` or a fifth part: `10.0.0.1`
 * and `10.0.0.1:5432` are addresses; `v1.2.3.4` and `1.2.3.4.5` (versions) are not.
 */
export const ipv4Addresses: Detector = {
  anchor: NUMBER_ANCHOR,
  anchorStart: numberAnchorStart,
  detect(text, at, found) {
    if (text.charCodeAt(at + 1) !== DOT) {
      // Passes to the last digit of the run of digit groups (split by spaces or dashes) at `at`:
      // only there can the first part of an address end, followed by its dots.
      let i = skipForward(text, at, DIGIT);
      while ((text.charCodeAt(i) === 32 || text.charCodeAt(i) === 45) && is(text, i + 1, DIGIT)) i = skipForward(text, i + 1, DIGIT);
      return Math.max(at + 1, i - 1);
    }
    let start = at;
    while (start > at - 2 && is(text, start - 1, DIGIT)) start--;
    const end = isWordChar(text, start - 1) || text.charCodeAt(start - 1) === DOT ? -1 : ipv4End(text, start);
    // Not an address: the whole run of digits and dots is passed, so a long one is read once.
    if (end === -1 || isWordChar(text, end) || (text.charCodeAt(end) === DOT && is(text, end + 1, DIGIT)) || touchesPlaceholder(text, start, end)) {
      return skipForward(text, at, DIGIT | PERIOD);
    }
    found.add(start, end, IP_ADDRESS);
    return end;
  },
};

/** End of the dotted quad that starts at `start`, or -1. */
export function ipv4End(text: string, start: number): number {
  let i = start;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (text.charCodeAt(i) !== DOT) return -1;
      i++;
    }
    let value = 0;
    const partStart = i;
    while (i - partStart < 3 && is(text, i, DIGIT)) value = value * 10 + text.charCodeAt(i++) - 48;
    if (i === partStart || value > 255 || is(text, i, DIGIT)) return -1;
  }
  return i;
}
