/** @module Payment card numbers: 13–19 digits, plain or grouped, Luhn-valid only. */
import { DIGIT, is, isWordChar, skipForward } from './chars';
import { NUMBER_ANCHOR, type Detector } from './detector';
import { CREDIT_CARD, touchesPlaceholder } from './placeholders';

const SPACE = 32;
const DASH = 45;
const DOT = 46;
const MIN_DIGITS = 13;
const MAX_DIGITS = 19;
const MAX_GROUP = 6;

/**
 * A card number: 13–19 digits that pass the Luhn check, either as one run (`4111111111111111`)
 * or as groups split by single spaces or single dashes, the first group of four
 * (`4111 1111 1111 1111`, `3782-822463-10005`). When groups run on, the longest valid prefix
 * is taken (`4111 1111 1111 1111 12/25`).
 *
 * Left alone: numbers glued to a letter, `_` or `+` (ids, phone numbers), the digits after a
 * decimal point, runs longer than 19 digits, and a bare 13-digit run starting with 1, 2 or 3:
 * that is a millisecond timestamp between 2001 and 2096, and no card network issues 13-digit
 * numbers outside the Visa range, which starts with 4.
 */
export const cardNumbers: Detector = {
  anchor: NUMBER_ANCHOR,
  detect(text, at, found) {
    if (text.charCodeAt(at + 1) === DOT) return skipDotted(text, at);
    const runEnd = skipForward(text, at, DIGIT);
    const prev = text.charCodeAt(at - 1);
    if (isWordChar(text, at - 1) || prev === 43 || (prev === DOT && is(text, at - 2, DIGIT))) return runEnd;
    const length = runEnd - at;
    if (length === 4) {
      const end = groupedCardEnd(text, at);
      if (end !== -1 && !touchesPlaceholder(text, at, end)) found.add(at, end, CREDIT_CARD);
      return Math.max(end, runEnd);
    }
    const first = text.charCodeAt(at);
    const epochMillis = length === MIN_DIGITS && first >= 49 && first <= 51;
    if (length >= MIN_DIGITS && length <= MAX_DIGITS && !epochMillis && endsNumber(text, runEnd) && !touchesPlaceholder(text, at, runEnd) && isLuhnValid(text, at, runEnd)) {
      found.add(at, runEnd, CREDIT_CARD);
    }
    return runEnd;
  },
};

/** End of the longest Luhn-valid grouped number that starts with the four digits at `start`, or -1. */
function groupedCardEnd(text: string, start: number): number {
  const separator = text.charCodeAt(start + 4);
  if (separator !== SPACE && separator !== DASH) return -1;
  let best = -1;
  let digits = 4;
  let i = start + 4;
  while (text.charCodeAt(i) === separator && is(text, i + 1, DIGIT)) {
    let groupEnd = i + 1;
    while (groupEnd - i <= MAX_GROUP && is(text, groupEnd, DIGIT)) groupEnd++;
    const group = groupEnd - i - 1;
    if (group > MAX_GROUP || digits + group > MAX_DIGITS) break;
    digits += group;
    i = groupEnd;
    if (digits >= MIN_DIGITS && endsNumber(text, i) && isLuhnValid(text, start, i)) best = i;
  }
  return best;
}

/** Passes a run of digits and dots (a dotted quad, a version): no card starts inside one. */
function skipDotted(text: string, from: number): number {
  let i = from + 1;
  while (is(text, i, DIGIT) || text.charCodeAt(i) === DOT) i++;
  return i;
}

/** Tells whether a number may end at `i`: no letter, digit or `_` follows, nor a decimal part. */
function endsNumber(text: string, i: number): boolean {
  return !isWordChar(text, i) && !(text.charCodeAt(i) === DOT && is(text, i + 1, DIGIT));
}

/** The Luhn (mod 10) check over the digits of `text[start, end)`, other characters skipped. */
export function isLuhnValid(text: string, start: number, end: number): boolean {
  let sum = 0;
  let double = false;
  for (let i = end - 1; i >= start; i--) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) continue;
    let digit = code - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}
