/** @module Credentials after an HTTP authentication scheme: `Bearer …`, `Basic …`. */
import { BLANK, CREDENTIAL, DIGIT, LETTER, UPPER, is, isWordChar, skipForward } from './chars';
import type { Detector } from './detector';
import { REDACTED_TOKEN, touchesPlaceholder } from './placeholders';

const MIN_LENGTH = 8;

/**
 * `Bearer <token>` and `Basic <credentials>` anywhere in the text (under an `Authorization`
 * key, any case of the scheme is caught by the key rule). Outside a header, the credential
 * must look like one, so prose such as "Bearer authentication" stays: eight characters or
 * more, with a digit or both upper and lower case.
 */
export const authSchemeCredentials: Detector = {
  anchor: 'B',
  detect(text, at, found) {
    if (isWordChar(text, at - 1)) return at + 1;
    const scheme = schemeAt(text, at);
    if (scheme === undefined || !text.startsWith(scheme, at) || !is(text, at + scheme.length, BLANK)) return at + 1;
    let start = at + scheme.length;
    while (is(text, start, BLANK) && start - at < scheme.length + 4) start++;
    let end = skipForward(text, start, CREDENTIAL);
    while (end > start && text.charCodeAt(end - 1) === 46) end--;
    if (!looksLikeCredential(text, start, end) || touchesPlaceholder(text, at, end)) return start;
    found.add(start, end, REDACTED_TOKEN);
    return end;
  },
};

/** The scheme that may start at the `B` at `at`, told apart by its second letter. */
function schemeAt(text: string, at: number): string | undefined {
  switch (text.charCodeAt(at + 1)) {
    case 101: // e
      return 'Bearer';
    case 69: // E
      return 'BEARER';
    case 97: // a
      return 'Basic';
    case 65: // A
      return 'BASIC';
    default:
      return undefined;
  }
}

function looksLikeCredential(text: string, start: number, end: number): boolean {
  if (end - start < MIN_LENGTH) return false;
  let upper = false;
  let lower = false;
  for (let i = start; i < end; i++) {
    if (is(text, i, DIGIT)) return true;
    if (is(text, i, UPPER)) upper ||= i > start;
    else if (is(text, i, LETTER)) lower = true;
  }
  return upper && lower;
}
