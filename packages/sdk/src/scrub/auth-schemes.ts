/** @module Credentials after an HTTP authentication scheme: `Bearer …`, `Basic …`. */
import { BLANK, CREDENTIAL, DIGIT, LETTER, UPPER, charKinds, is, isWordChar, skipForward } from './chars';
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
    // The scheme that may start here, told apart by its second letter.
    const second = text.charAt(at + 1);
    const scheme = second === 'e' ? 'Bearer' : second === 'E' ? 'BEARER' : second === 'a' ? 'Basic' : second === 'A' ? 'BASIC' : undefined;
    if (scheme === undefined || !text.startsWith(scheme, at) || !is(text, at + scheme.length, BLANK)) return at + 1;
    let start = at + scheme.length;
    while (is(text, start, BLANK) && start - at < scheme.length + 4) start++;
    let end = skipForward(text, start, CREDENTIAL);
    while (end > start && text.charCodeAt(end - 1) === 46) end--;
    if (end - start < MIN_LENGTH) return start;
    // A digit anywhere, or a capital past the first character and a small letter anywhere.
    const rest = charKinds(text, start + 1, end);
    const all = rest | charKinds(text, start, start + 1);
    if (((all & DIGIT) === 0 && ((rest & UPPER) === 0 || (all & LETTER) === 0)) || touchesPlaceholder(text, at, end)) return start;
    found.add(start, end, REDACTED_TOKEN);
    return end;
  },
};
