/** @module Email addresses, and passwords in URLs (which look like them: `postgres://user:pass@host`). */
import { DIGIT, HYPHEN, LETTER, LOCAL, LOCAL_RARE, PERCENT, USERINFO, is, isWordChar, skipBackward, skipForward } from './chars';
import type { Detector } from './detector';
import { EMAIL, REDACTED_SECRET, touchesPlaceholder } from './placeholders';
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
 * `lodash@4.17.21` and `user@localhost` stay. After `//`, a `user:password` before the `@`
 * is URL userinfo instead: the password is redacted and the host kept.
 */
export const emailAddresses: Detector = {
  anchor: '@',
  detect(text, at, found) {
    const local = skipBackward(text, at, LOCAL | PERCENT, MAX_LOCAL_LENGTH + 1);
    // Userinfo needs `//` before it: what precedes the local part rules that out cheaply, mostly.
    if (is(text, local - 1, USERINFO) || text.charCodeAt(local - 1) === SLASH) {
      const userinfo = userinfoStart(text, at);
      if (userinfo !== -1) {
        const resume = redactUrlPassword(text, userinfo, at, found);
        if (resume !== -1) return resume;
      }
    }
    redactEmail(text, local, at, at + 1, found);
    return at + 1;
  },
};

/** `local%40domain.tld`: an email percent-encoded in a URL. */
export const encodedEmailAddresses: Detector = {
  anchor: '%',
  detect(text, at, found) {
    if (text.charCodeAt(at + 1) !== 52 || text.charCodeAt(at + 2) !== 48) return at + 1;
    redactEmail(text, skipBackward(text, at, LOCAL, MAX_LOCAL_LENGTH + 1), at, at + 3, found);
    return at + 3;
  },
};

/**
 * Redacts `local@domain`, where the local part's everyday characters start at `everyday` and
 * the at-sign is `[localEnd, domainStart)`. The domain is checked first: it fails most often.
 */
function redactEmail(text: string, everyday: number, localEnd: number, domainStart: number, found: Redactions): void {
  const end = domainEnd(text, domainStart);
  if (end === -1) return;
  const start = localPartStart(text, everyday, localEnd);
  if (start !== -1 && !touchesPlaceholder(text, start, end)) found.add(start, end, EMAIL);
}

/**
 * Start of the local part that ends at `end`, or -1. The everyday characters are taken first,
 * so `password=bob@…` or `'bob@…'` keeps its `=` or quote; the rarer RFC 5322 characters only
 * when nothing else is there.
 */
function localPartStart(text: string, everyday: number, end: number): number {
  let start = everyday === end ? skipBackward(text, end, LOCAL | PERCENT | LOCAL_RARE, MAX_LOCAL_LENGTH + 1) : everyday;
  if (end - start > MAX_LOCAL_LENGTH) return -1;
  while (start < end && text.charCodeAt(start) === DOT) start++;
  return start < end ? start : -1;
}

/**
 * End of the longest domain that starts at `from`, or -1. The domain needs two labels or more,
 * and its top-level label is two letters or more (or punycode, `xn--…`); that label may be
 * cut at a dash, as in `bob@example.com-based`.
 */
function domainEnd(text: string, from: number): number {
  let best = -1;
  let labels = 0;
  for (let i = from; ; i++) {
    const label = i;
    i = skipForward(text, i, LETTER | DIGIT | HYPHEN, MAX_DOMAIN_LENGTH + from + 1 - i);
    if (i === label || i - label > MAX_LABEL_LENGTH || i - from > MAX_DOMAIN_LENGTH) return best;
    if (++labels >= 2) {
      let end = skipForward(text, label, LETTER, i - label);
      if (text.startsWith('xn--', label)) end = i;
      else if (end < i && text.charCodeAt(end) !== 45) end = -1;
      if (end - label >= 2 && !isWordChar(text, end)) best = end;
    }
    if (text.charCodeAt(i) !== DOT || !is(text, i + 1, LETTER | DIGIT)) return best;
  }
}

/** Start of the userinfo when the `@` at `at` follows `//userinfo` (as in `scheme://`), or -1. */
function userinfoStart(text: string, at: number): number {
  const start = skipBackward(text, at, USERINFO, MAX_USERINFO_LENGTH + 1);
  if (at - start > MAX_USERINFO_LENGTH) return -1;
  return text.charCodeAt(start - 1) === SLASH && text.charCodeAt(start - 2) === SLASH ? start : -1;
}

/**
 * Redacts the password of `user:password@host` (the host starts after the authority's last
 * `@`) and returns where to go on; -1 when the userinfo has no password, as in
 * `ssh://git@host`, which is then read as an email.
 */
function redactUrlPassword(text: string, start: number, at: number, found: Redactions): number {
  let colon = start;
  while (colon < at && text.charCodeAt(colon) !== COLON) colon++;
  if (colon >= at - 1) return -1;
  let hostAt = at;
  for (let i = at + 1; i - at <= MAX_USERINFO_LENGTH; i++) {
    if (text.charCodeAt(i) === AT) hostAt = i;
    else if (!is(text, i, USERINFO)) break;
  }
  found.add(colon + 1, hostAt, REDACTED_SECRET);
  return hostAt + 1;
}
