/** @module Values of sensitive keys: `password=…`, `"api_key": "…"`, `token: …`, query strings, cookies. */
import { BLANK, KEY, VALUE_END, findClass, is, skipBackward } from './chars';
import type { Detector } from './detector';
import { REDACTED_SECRET, REDACTED_TOKEN, startsWithPlaceholder } from './placeholders';
import type { Redactions } from './redactions';
import { MAX_KEY_LENGTH, matchSensitiveKey } from './sensitive-keys';

/** Spaces or tabs allowed on each side of the separator: `password = x`. */
const MAX_GAP = 4;
const MAX_COOKIE_NAME_LENGTH = 256;

const EQUALS = 61;
const BACKSLASH = 92;

/** Unquoted values that carry no secret and say something useful when they are there. */
const LITERALS = new Set(['null', 'undefined', 'true', 'false']);
/** `Authorization` schemes kept in front of the redacted credential. */
const SCHEMES = ['bearer', 'basic', 'token'];
/** `Set-Cookie` attributes: not secrets, kept as they are. */
const COOKIE_ATTRIBUTES = new Set(['path', 'domain', 'expires', 'max-age', 'samesite', 'secure', 'httponly', 'partitioned', 'priority']);

/** `key=value`, `key = "value"`, `?key=value&…`. Comparisons (`==`, `!=`, `<=`, `>=`) and arrows (`=>`) are skipped. */
export const assignmentSecrets: Detector = {
  anchor: '=',
  detect(text, at, found) {
    const next = text.charCodeAt(at + 1);
    if (next === EQUALS || next === 62) return at + 2;
    const prev = text.charCodeAt(at - 1);
    if (prev === EQUALS || prev === 33 || prev === 60 || prev === 62) return at + 1;
    return detectValue(text, at, found, false);
  },
};

/**
 * `key: value`, `"key": "value"`, `'key':'value'`, `\"key\":\"value\"`, HTTP headers. The
 * colon must be followed by a blank or a quote, or preceded by a quote, so the colons of
 * stack frames (`app.js:10:15`) and URLs are passed over at once.
 */
export const colonSecrets: Detector = {
  anchor: ':',
  detect(text, at, found) {
    const next = text.charCodeAt(at + 1);
    if (!is(text, at + 1, BLANK) && !isQuote(next) && next !== BACKSLASH && !isQuote(text.charCodeAt(at - 1))) return at + 1;
    return detectValue(text, at, found, true);
  },
};

function isQuote(code: number): boolean {
  return code === 34 || code === 39 || code === 96;
}

/** Finds the key before the separator at `separator`; when it is sensitive, redacts the value after it. */
function detectValue(text: string, separator: number, found: Redactions, colon: boolean): number {
  let keyEnd = separator;
  for (let gap = 0; gap < MAX_GAP && is(text, keyEnd - 1, BLANK); gap++) keyEnd--;
  if (isQuote(text.charCodeAt(keyEnd - 1))) {
    keyEnd--;
    if (text.charCodeAt(keyEnd - 1) === BACKSLASH) keyEnd--;
  }
  const name = matchSensitiveKey(text, keyEnd);
  if (name === undefined) return separator + 1;
  const keyStart = skipBackward(text, keyEnd, KEY, MAX_KEY_LENGTH + 1);
  if (keyEnd - keyStart > MAX_KEY_LENGTH || text.charCodeAt(keyStart - 1) === 93) return separator + 1;

  let start = separator + 1;
  for (let gap = 0; gap < MAX_GAP && is(text, start, BLANK); gap++) start++;
  let quote = 0;
  let escaped = false;
  const first = text.charCodeAt(start);
  if (isQuote(first)) {
    quote = first;
    start++;
  } else if (first === BACKSLASH && isQuote(text.charCodeAt(start + 1))) {
    quote = text.charCodeAt(start + 1);
    escaped = true;
    start += 2;
  } else if (first === 123 || first === 91 || first === 40 || first === 60) {
    // `{`, `[`, `(`, `<`: a structure whose own keys are looked at, or a placeholder.
    return start;
  }
  if (startsWithPlaceholder(text, start)) return start + 1;

  const credential = afterScheme(text, start);
  const scheme = credential > start;
  if (scheme && startsWithPlaceholder(text, credential)) return credential + 1;
  const end = quote === 0 ? valueEnd(text, credential) : quotedEnd(text, credential, quote, escaped);
  if (end === credential) return end;
  if (quote === 0 && LITERALS.has(text.slice(start, end))) return end;
  if (scheme) found.add(credential, end, REDACTED_TOKEN);
  else if (name === 'cookie' && colon && quote === 0) return redactCookies(text, start, found);
  else found.add(start, end, REDACTED_SECRET);
  return end;
}

/** Where the credential starts when an authentication scheme (any case) and blanks start the value at `start`; otherwise `start`. */
function afterScheme(text: string, start: number): number {
  const first = text.charCodeAt(start) | 32;
  if (first !== 98 && first !== 116) return start; // every scheme starts with b or t
  for (const scheme of SCHEMES) {
    let i = 0;
    while (i < scheme.length && (text.charCodeAt(start + i) | 32) === scheme.charCodeAt(i)) i++;
    if (i === scheme.length && is(text, start + i, BLANK)) {
      i++;
      while (i < scheme.length + MAX_GAP && is(text, start + i, BLANK)) i++;
      return start + i;
    }
  }
  return start;
}

function valueEnd(text: string, from: number): number {
  return findClass(text, from, VALUE_END);
}

/** Index of the closing quote (of `\"` for an escaped one), or of the line end when the quote is never closed. */
function quotedEnd(text: string, from: number, quote: number, escaped: boolean): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
    if (code === BACKSLASH) {
      if (escaped && text.charCodeAt(i + 1) === quote) return i;
      i++;
    } else if (code === quote && !escaped) {
      return i;
    }
  }
  return text.length;
}

/** `Cookie: a=…; b=…` and `Set-Cookie: sid=…; Path=/`: each cookie value, not the attributes. */
function redactCookies(text: string, from: number, found: Redactions): number {
  let i = from;
  for (;;) {
    let nameEnd = i;
    while (nameEnd - i < MAX_COOKIE_NAME_LENGTH && !is(text, nameEnd, VALUE_END) && text.charCodeAt(nameEnd) !== EQUALS) nameEnd++;
    if (nameEnd === i || text.charCodeAt(nameEnd) !== EQUALS) return i;
    const end = valueEnd(text, nameEnd + 1);
    if (!COOKIE_ATTRIBUTES.has(text.slice(i, nameEnd).toLowerCase()) && !startsWithPlaceholder(text, nameEnd + 1)) {
      found.add(nameEnd + 1, end, REDACTED_SECRET);
    }
    if (text.charCodeAt(end) !== 59) return end;
    i = end + 1;
    while (text.charCodeAt(i) === 32) i++;
  }
}
