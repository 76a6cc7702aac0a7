/** @module Payment card numbers: 13–19 digits, plain or grouped, Luhn-valid only. */
import { DIGIT, PERIOD, is, isWordChar, skipForward } from './chars';
import { NUMBER_ANCHOR, numberAnchorStart, type Detector } from './detector';
import { CREDIT_CARD, touchesPlaceholder } from './placeholders';
import type { Redactions } from './redactions';

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
  anchorStart: numberAnchorStart,
  detect(text, at, found) {
    if (text.charCodeAt(at + 1) === DOT) return skipForward(text, at, DIGIT | PERIOD);
    const runEnd = skipForward(text, at, DIGIT);
    const prev = text.charCodeAt(at - 1);
    if (isWordChar(text, at - 1) || prev === 43 || (prev === DOT && is(text, at - 2, DIGIT))) return runEnd;
    const length = runEnd - at;
    if (length === 4) return detectGrouped(text, at, found);
    const first = text.charCodeAt(at);
    const epochMillis = length === MIN_DIGITS && first >= 49 && first <= 51;
    if (length >= MIN_DIGITS && length <= MAX_DIGITS && !epochMillis && endsNumber(text, runEnd) && !touchesPlaceholder(text, at, runEnd) && isLuhnValid(text, at, runEnd)) {
      found.add(at, runEnd, CREDIT_CARD);
    }
    return runEnd;
  },
};

/*
 * A chain of digit groups joined by one kind of separator is read once, group by group,
 * keeping for each group boundary the running Luhn sums of the digits before it, split by the
 * parity of the digit's place (so that the sums of any span follow by subtraction). A group of
 * four is then tried as the start of a card as soon as every end within 19 digits of it is
 * known. The boundaries live in a ring: a card never spans more than 19 of them.
 */
const RING = 32;
const FIELDS = 7;
const START = 0;
const END = 1;
const BEFORE = 2;
/** Sum of the digits before the boundary, at even places, at odd places, then the same doubled. */
const SUMS = 3;
const ring = new Float64Array(RING * FIELDS);
const slot = (group: number, field: number): number => (group % RING) * FIELDS + field;

/**
 * Finds the cards of the chain of digit groups at `at`, whose first group has four digits; for
 * each group of four (left to right) the longest valid card it starts, if any. Returns where
 * the chain ends.
 */
function detectGrouped(text: string, at: number, found: Redactions): number {
  const separator = text.charCodeAt(at + 4);
  const sums = [0, 0, 0, 0];
  let digits = 0;
  let groups = 0;
  let next = 0;
  let covered = -1;
  for (let i = at, closed = false; !closed || next < groups; ) {
    if (closed || (next < groups - 1 && digits - ring[slot(next, BEFORE)]! > MAX_DIGITS)) {
      const last = cardFrom(text, next, groups, digits, sums, closed, found);
      if (last !== -1) covered = last;
      next = last === -1 ? next + 1 : last + 1;
      continue;
    }
    if (groups > 0 && (text.charCodeAt(i - 1) !== separator || !isDigit(text.charCodeAt(i)))) {
      closed = true;
      continue;
    }
    let end = i;
    while (end - i <= MAX_GROUP && isDigit(text.charCodeAt(end))) end++;
    if (end - i > MAX_GROUP) {
      closed = true;
      continue;
    }
    const base = slot(groups, 0);
    ring[base + START] = i;
    ring[base + END] = end;
    ring[base + BEFORE] = digits;
    for (let k = 0; k < 4; k++) ring[base + SUMS + k] = sums[k]!;
    for (let k = i; k < end; k++, digits++) {
      const digit = text.charCodeAt(k) - 48;
      sums[digits & 1]! += digit;
      sums[2 + (digits & 1)]! += digit < 5 ? digit * 2 : digit * 2 - 9;
    }
    groups++;
    i = end + 1;
  }
  // Where the other separator takes over (`1234-4111 1111 …`), a last group no card took may start one of its own.
  const last = slot(groups - 1, 0);
  return groups > 1 && covered < groups - 1 ? ring[last + START]! : ring[last + END]!;
}

/**
 * Tries group `first` as the start of a card, ending at the last boundary within 19 digits that
 * gives a Luhn-valid number; returns the card's last group, or -1. `groups`, `digits` and `sums`
 * describe the chain read so far; `closed` tells that it ends there.
 */
function cardFrom(text: string, first: number, groups: number, digits: number, sums: readonly number[], closed: boolean, found: Redactions): number {
  const base = slot(first, 0);
  const start = ring[base + START]!;
  if (ring[base + END]! - start !== 4) return -1;
  for (let last = groups - 1; last > first; last--) {
    // The boundary after group `last`: the next group's record, or the running sums at the chain's end.
    const after = last + 1 < groups ? slot(last + 1, 0) : -1;
    const count = (after === -1 ? digits : ring[after + BEFORE]!) - ring[base + BEFORE]!;
    const end = ring[slot(last, END)]!;
    if (count > MAX_DIGITS || count < MIN_DIGITS) continue;
    if (after === -1 && (!closed || !endsNumber(text, end))) continue;
    // The last digit is kept, the one before it doubled, and so on: kept digits share its parity.
    const kept = (ring[base + BEFORE]! + count - 1) & 1;
    const total = (after === -1 ? sums[kept]! : ring[after + SUMS + kept]!) - ring[base + SUMS + kept]!
      + (after === -1 ? sums[3 - kept]! : ring[after + SUMS + 3 - kept]!) - ring[base + SUMS + 3 - kept]!;
    if (total % 10 === 0 && !touchesPlaceholder(text, start, end)) {
      found.add(start, end, CREDIT_CARD);
      return last;
    }
  }
  return -1;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
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
