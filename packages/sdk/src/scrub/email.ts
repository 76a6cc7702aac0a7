/** @module Email addresses, and passwords in URLs (which look like them: `postgres://user:pass@host`). */
import { DIGIT, HYPHEN, LETTER, LOCAL, LOCAL_RARE, PERCENT, USERINFO, is, isWordChar, skipBackward } from './chars';
import type { Detector } from './detector';
import { EMAIL, REDACTED_SECRET } from './placeholders';
import type { Redactions } from './redactions';

/** Limits of RFC 5321 §4.5.3.1; also what keeps each look-around short. */
const MAX_LOCAL_LENGTH = 64;
const MAX_DOMAIN_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
const MAX_USERINFO_LENGTH = 256;

const AT = 64;
const DOT = 46;
const SLASH = 47;
const COLON = 58;

/**
 * `local@domain.tld`: plus tags, subdomains, quoted in JSON, inside URLs (`?email=…`). The
 * domain needs at least two labels and a top-level label of two or more letters, so
 * `lodash@4.17.21` and `user@localhost` stay. After `scheme://`, the part before `@` is URL
 * userinfo instead: its password is redacted and the host kept.
 */
export const emailAddresses: Detector = {
  anchor: '@',
  detect(text, at, found) {
    const userinfo = userinfoStart(text, at);
    if (userinfo !== -1) return redactUrlPassword(text, userinfo, at, found);
    redactEmail(text, localPartStart(text, at, LOCAL | PERCENT), at + 1, found);
    return at + 1;
  },
};

/** `local%40domain.tld`: an email percent-encoded in a URL. */
export const encodedEmailAddresses: Detector = {
  anchor: '%',
  detect(text, at, found) {
    if (text.charCodeAt(at + 1) !== 52 || text.charCodeAt(at + 2) !== 48) return at + 1;
    redactEmail(text, localPartStart(text, at, LOCAL), at + 3, found);
    return at + 3;
  },
};

function redactEmail(text: string, localStart: number, domainStart: number, found: Redactions): void {
  if (localStart === -1) return;
  const end = domainEnd(text, domainStart);
  if (end !== -1) found.add(localStart, end, EMAIL);
}

/**
 * Start of the local part that ends at `end`, or -1. The everyday characters are taken first,
 * so `password=bob@…` or `'bob@…'` keeps its `=` or quote; the rarer RFC 5322 characters only
 * when nothing else is there.
 */
function localPartStart(text: string, end: number, everyday: number): number {
  let start = skipBackward(text, end, everyday, MAX_LOCAL_LENGTH + 1);
  if (start === end) start = skipBackward(text, end, everyday | LOCAL_RARE, MAX_LOCAL_LENGTH + 1);
  if (end - start > MAX_LOCAL_LENGTH) return -1;
  while (start < end && text.charCodeAt(start) === DOT) start++;
  return start < end ? start : -1;
}

/** End of the domain that starts at `from`, or -1 when there is none. */
function domainEnd(text: string, from: number): number {
  let i = from;
  let labels = 0;
  let lastLabel = from;
  for (;;) {
    lastLabel = i;
    while (i - from <= MAX_DOMAIN_LENGTH && is(text, i, LETTER | DIGIT | HYPHEN)) i++;
    if (i === lastLabel || i - lastLabel > MAX_LABEL_LENGTH || i - from > MAX_DOMAIN_LENGTH) return -1;
    labels++;
    if (text.charCodeAt(i) !== DOT || !is(text, i + 1, LETTER | DIGIT)) break;
    i++;
  }
  if (labels < 2 || i - lastLabel < 2 || isWordChar(text, i)) return -1;
  if (text.startsWith('xn--', lastLabel)) return i;
  for (let k = lastLabel; k < i; k++) if (!is(text, k, LETTER)) return -1;
  return i;
}

/** Start of the userinfo when the `@` at `at` follows `scheme://userinfo`, or -1. */
function userinfoStart(text: string, at: number): number {
  const start = skipBackward(text, at, USERINFO, MAX_USERINFO_LENGTH + 1);
  if (at - start > MAX_USERINFO_LENGTH) return -1;
  const isAfterScheme =
    text.charCodeAt(start - 1) === SLASH &&
    text.charCodeAt(start - 2) === SLASH &&
    text.charCodeAt(start - 3) === COLON &&
    is(text, start - 4, LETTER | DIGIT);
  return isAfterScheme ? start : -1;
}

/** Redacts the password of `user:password@host`; the host starts after the authority's last `@`. */
function redactUrlPassword(text: string, start: number, at: number, found: Redactions): number {
  let hostAt = at;
  for (let i = at + 1; i - at <= MAX_USERINFO_LENGTH; i++) {
    if (text.charCodeAt(i) === AT) hostAt = i;
    else if (!is(text, i, USERINFO)) break;
  }
  for (let i = start; i < hostAt; i++) {
    if (text.charCodeAt(i) === COLON) {
      found.add(i + 1, hostAt, REDACTED_SECRET);
      break;
    }
  }
  return hostAt + 1;
}
