/** @module Character classes for the scanners: one table lookup per character, ASCII only. */

export const DIGIT = 1;
export const LETTER = 2;
export const HEX = 4;
/** Characters of a key in `key=value`: letters, digits, `_`, `-`, `.`. */
export const KEY = 8;
/** The everyday characters of an email local part: letters, digits, `.`, `_`, `+`, `-`. */
export const LOCAL = 16;
/** The rarer characters RFC 5322 also allows in a local part, such as `!`, `#`, `=`, `{` and `~`. */
export const LOCAL_RARE = 32;
/** Characters of a base64url token: letters, digits, `_`, `-`. */
export const TOKEN = 64;
/** Characters of URL userinfo (RFC 3986 unreserved, sub-delims, `:` and `%`). */
export const USERINFO = 128;
/** Characters that end an unquoted secret value: controls, space, quotes, closing brackets, ``&;,<>`` and backslash. */
export const VALUE_END = 256;
/** Space and tab. */
export const BLANK = 512;
/** `%`, also in email local parts before an `@` (not before an encoded `%40`). */
export const PERCENT = 1024;
/** `-`, inside domain labels. */
export const HYPHEN = 2048;
/** Characters of an HTTP credential (RFC 7235 token68): letters, digits, ``-._~+/=``. */
export const CREDENTIAL = 4096;
/** Capital letters. */
export const UPPER = 8192;
/** `.`, between the parts of a dotted number. */
export const PERIOD = 16384;

const TABLE = new Uint16Array(128);

function mark(chars: string, flag: number): void {
  for (let i = 0; i < chars.length; i++) TABLE[chars.charCodeAt(i)]! |= flag;
}

const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const LETTERS = LOWER + LOWER.toUpperCase();
mark(DIGITS, DIGIT | HEX | KEY | LOCAL | TOKEN | USERINFO | CREDENTIAL);
mark(LETTERS, LETTER | KEY | LOCAL | TOKEN | USERINFO | CREDENTIAL);
mark(LOWER.toUpperCase(), UPPER);
mark('-._~+/=', CREDENTIAL);
mark('abcdefABCDEF', HEX);
mark('_-', KEY | LOCAL | TOKEN | USERINFO);
mark('.', KEY | LOCAL | USERINFO);
mark('+', LOCAL | USERINFO);
mark('%', PERCENT | USERINFO);
mark('-', HYPHEN);
mark("!#$&'*/=?^`{|}~", LOCAL_RARE);
mark("~!$&'()*+,;=:", USERINFO);
for (let code = 0; code <= 32; code++) TABLE[code]! |= VALUE_END;
mark('"\'`&;,<>)]}\\', VALUE_END);
mark(' \t', BLANK);
mark('.', PERIOD);

/** Tells whether the character at `index` (out of range: none) belongs to any class in `flags`. */
export function is(text: string, index: number, flags: number): boolean {
  const code = text.charCodeAt(index);
  return code < 128 && (TABLE[code]! & flags) !== 0;
}

// The loops below test the table inline rather than through `is`: they are the hottest code
// of the scrubber, and a call per character would cost more than the test itself.

/** Runs longer than this are finished by a regex, which reads a long run several times faster. */
const LONG_RUN = 64;
const runEnds = new Map<number, RegExp>();

/** A global regex that finds the first character outside the classes in `flags`. */
function runEnd(flags: number): RegExp {
  let regex = runEnds.get(flags);
  if (regex === undefined) {
    let members = '';
    for (let code = 0; code < 128; code++) if ((TABLE[code]! & flags) !== 0) members += `\\x${code.toString(16).padStart(2, '0')}`;
    regex = new RegExp(`[^${members}]`, 'g');
    runEnds.set(flags, regex);
  }
  return regex;
}

/** Index just past the run of `flags` characters that starts at `from`, reading at most `limit`. */
export function skipForward(text: string, from: number, flags: number, limit = Number.POSITIVE_INFINITY): number {
  const stop = Math.min(text.length, from + limit);
  const slow = Math.min(stop, from + LONG_RUN);
  let i = from;
  for (; i < slow; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || (TABLE[code]! & flags) === 0) return i;
  }
  if (i === stop) return i;
  const regex = runEnd(flags);
  regex.lastIndex = i;
  return regex.test(text) ? Math.min(stop, regex.lastIndex - 1) : stop;
}

/** Start of the run of `flags` characters that ends just before `end`, reading at most `limit`. */
export function skipBackward(text: string, end: number, flags: number, limit: number): number {
  const stop = Math.max(0, end - limit);
  let i = end;
  for (; i > stop; i--) {
    const code = text.charCodeAt(i - 1);
    if (code >= 128 || (TABLE[code]! & flags) === 0) break;
  }
  return i;
}

/** Index of the first character at or after `from` in the classes of `flags` (non-ASCII is in none), or the text's length. */
export function findClass(text: string, from: number, flags: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 && (TABLE[code]! & flags) !== 0) break;
  }
  return i;
}

/** The kinds of characters `text[start, end)` holds: a mask of `DIGIT`, `UPPER` (capitals) and `LETTER` (here small letters only), read until all three are found. */
export function charKinds(text: string, start: number, end: number): number {
  let kinds = 0;
  for (let i = start; i < end && kinds !== (DIGIT | UPPER | LETTER); i++) kinds |= is(text, i, DIGIT) ? DIGIT : is(text, i, UPPER) ? UPPER : is(text, i, LETTER) ? LETTER : 0;
  return kinds;
}

/** Tells whether the character at `index` is a letter, digit or `_`: gluing it to a match makes the match part of a word. */
export function isWordChar(text: string, index: number): boolean {
  return is(text, index, DIGIT | LETTER) || text.charCodeAt(index) === 95;
}
