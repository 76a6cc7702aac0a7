/** @module IPv6 addresses in every textual form (RFC 4291 §2.2, RFC 5952, zone ids of RFC 6874). */
import { HEX, DIGIT, LETTER, is, isWordChar } from './chars';
import type { Detector } from './detector';
import { ipv4End } from './ipv4';
import { IP_ADDRESS, touchesPlaceholder } from './placeholders';

const COLON = 58;
const DOT = 46;
/** The longest textual form: eight groups of four, or six and a dotted quad (45 characters). */
const MAX_LENGTH = 45;
const MAX_ZONE_LENGTH = 64;

function isHexOrColon(text: string, i: number): boolean {
  return is(text, i, HEX) || text.charCodeAt(i) === COLON;
}

/**
 * Full (`2001:0db8:0:0:0:0:0:1`), compressed (`2001:db8::1`, `::1`, `::`), IPv4-mapped
 * (`::ffff:1.2.3.4`), with a zone id (`fe80::1%eth0`) and in brackets (`[2001:db8::1]:8080`,
 * where the brackets go too). Only a colon followed by `:` or by two groups can be part of
 * one, so the colons of stack frames and clock times are passed over at once.
 *
 * Left alone: bare `a::b` where both groups are letters only (a C++ or Ruby scope, like `std::vector`),
 * anything glued to a letter, digit, `_` or `.`, and colon-separated hex that is not a valid
 * address (`aa:bb:cc:dd:ee:ff`, `12:30:45`).
 */
export const ipv6Addresses: Detector = {
  anchor: ':',
  detect(text, at, found) {
    if (text.charCodeAt(at + 1) !== COLON) {
      const stop = groupsEnd(text, at);
      if (stop !== -1) return stop;
    }
    let start = at;
    while (start > at - MAX_LENGTH && isHexOrColon(text, start - 1)) start--;
    let runEnd = at + 1;
    while (isHexOrColon(text, runEnd)) runEnd++;
    if (text.charCodeAt(runEnd) === DOT) while (is(text, runEnd, DIGIT) || text.charCodeAt(runEnd) === DOT) runEnd++;
    let end = runEnd;
    while (text.charCodeAt(end - 1) === DOT) end--;
    if (text.charCodeAt(end - 1) === COLON && text.charCodeAt(end - 2) !== COLON) end--;
    if (end - start > MAX_LENGTH || isWordChar(text, start - 1) || text.charCodeAt(start - 1) === DOT || isHexOrColon(text, start - 1)) return runEnd;
    const groups = countGroups(text, start, end);
    if (groups === -1) return runEnd;
    const zoned = text.charCodeAt(end) === 37; // %
    if (groups === 2 && !zoned && text.charCodeAt(start - 1) !== 91 && isScope(text, start, end)) return runEnd;
    if (zoned) {
      let zoneEnd = end + 1;
      while (zoneEnd - end <= MAX_ZONE_LENGTH + 1 && (isWordChar(text, zoneEnd) || text.charCodeAt(zoneEnd) === 45 || text.charCodeAt(zoneEnd) === DOT)) zoneEnd++;
      if (zoneEnd === end + 1 || zoneEnd - end > MAX_ZONE_LENGTH + 1) return runEnd;
      end = zoneEnd;
    }
    if (isWordChar(text, end) || touchesPlaceholder(text, start, end) || text.charCodeAt(runEnd) === 91) return runEnd;
    found.add(start, end, IP_ADDRESS);
    return Math.max(runEnd, end);
  },
};

/**
 * -1 when `:h:h:` (groups of 1–4 hex digits) starts at the colon `at`; otherwise where to look
 * next: just before where the pattern broke, so the second colon of `app.js:10:15)` is passed
 * over, but not the `::` of `a:b::1`.
 */
function groupsEnd(text: string, at: number): number {
  let i = at + 1;
  for (let group = 0; group < 2; group++) {
    const groupStart = i;
    while (i - groupStart < 5 && is(text, i, HEX)) i++;
    if (i === groupStart || i - groupStart > 4 || text.charCodeAt(i) !== COLON) return Math.max(i - 1, at + 1);
    i++;
  }
  return -1;
}

/** Number of 16-bit groups in `text[start, end)` (a trailing dotted quad counts two), or -1 when it is no address. */
function countGroups(text: string, start: number, end: number): number {
  let i = start;
  let compressed = false;
  if (text.charCodeAt(i) === COLON) {
    if (text.charCodeAt(i + 1) !== COLON) return -1;
    compressed = true;
    i += 2;
  }
  let groups = 0;
  while (i < end) {
    const groupStart = i;
    while (i < end && i - groupStart < 5 && is(text, i, HEX)) i++;
    const length = i - groupStart;
    if (length === 0 || length > 4) return -1;
    if (i < end && text.charCodeAt(i) === DOT) {
      if (ipv4End(text, groupStart) !== end) return -1;
      groups += 2;
      break;
    }
    groups++;
    if (i === end) break;
    if (text.charCodeAt(i) !== COLON) return -1;
    i++;
    if (text.charCodeAt(i) === COLON) {
      if (compressed) return -1;
      compressed = true;
      i++;
    } else if (i === end) {
      return -1;
    }
  }
  return compressed ? (groups <= 7 ? groups : -1) : groups === 8 ? groups : -1;
}

/** `x::y` with letters only on both sides: a scope operator, not an address. */
function isScope(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) === COLON || text.charCodeAt(end - 1) === COLON) return false;
  for (let i = start; i < end; i++) if (!is(text, i, LETTER) && text.charCodeAt(i) !== COLON) return false;
  return true;
}
