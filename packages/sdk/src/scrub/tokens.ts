/** @module Credentials recognisable by their own format, wherever they appear. */
import { DIGIT, LETTER, TOKEN, UPPER, is, skipForward } from './chars';
import type { Detector } from './detector';
import { REDACTED_TOKEN, touchesPlaceholder } from './placeholders';
import type { Redactions } from './redactions';

const DOT = 46;

/** Adds `[start, end)` when it is not glued to a longer token on either side. */
function addToken(text: string, start: number, end: number, found: Redactions): number {
  if (!is(text, start - 1, TOKEN) && !is(text, end, TOKEN) && !touchesPlaceholder(text, start, end)) found.add(start, end, REDACTED_TOKEN);
  return end;
}

/**
 * JSON Web Tokens (and JWE): base64url segments joined by dots, the first starting with `eyJ`,
 * the encoding of `{"`.
 */
export const jsonWebTokens: Detector = {
  anchor: 'J',
  detect(text, at, found) {
    const start = at - 2;
    if (text.charCodeAt(at - 1) !== 121 || text.charCodeAt(start) !== 101 || is(text, start - 1, TOKEN)) return at + 1;
    let end = skipForward(text, at + 1, TOKEN);
    if (end - start < 10) return end;
    let segments = 1;
    while (segments < 5 && text.charCodeAt(end) === DOT && is(text, end + 1, TOKEN)) {
      end = skipForward(text, end + 1, TOKEN);
      segments++;
    }
    if (segments >= 2 && !touchesPlaceholder(text, start, end)) found.add(start, end, REDACTED_TOKEN);
    return end;
  },
};

/** AWS access key ids (`AKIA` or `ASIA` and 16 more capitals or digits) and Google API keys (`AIza` and 35 more). */
export const cloudKeys: Detector = {
  anchor: 'A',
  detect(text, at, found) {
    if (text.startsWith('AKIA', at) || text.startsWith('ASIA', at)) {
      const end = skipForward(text, at + 4, UPPER | DIGIT);
      return end - at === 20 ? addToken(text, at, end, found) : end;
    }
    if (text.startsWith('AIza', at)) {
      const end = skipForward(text, at + 4, TOKEN);
      return end - at === 39 ? addToken(text, at, end, found) : end;
    }
    return at + 1;
  },
};

/**
 * A token whose prefix holds `anchor`, searched for whole (so the `_` of `node_modules` and the
 * `-` of paths cost nothing): it starts `back` characters before the anchor, not glued to a
 * longer token; `bodyAt` tells where its body starts (-1: not this prefix); the body is a run
 * of at least `minimum` characters of `flags`.
 */
function prefixedToken(anchor: string, back: number, bodyAt: (text: string, at: number) => number, minimum: number, flags = LETTER | DIGIT): Detector {
  return {
    anchor,
    detect(text, at, found) {
      const start = at - back;
      const body = start >= 0 && !is(text, start - 1, TOKEN) ? bodyAt(text, at) : -1;
      if (body === -1) return at + 1;
      const end = skipForward(text, body, flags);
      return end - body >= minimum ? addToken(text, start, end, found) : end;
    },
  };
}

/** Tells whether the character at `index` is one of `chars` (out of range: no). */
const isOneOf = (text: string, index: number, chars: string): boolean => text.charAt(index) !== '' && chars.includes(text.charAt(index));
/** A dash that starts a run of dashes (`sk--x`, `xoxb--x`) ends no prefix. */
const singleDash = (text: string, dash: number): number => (text.charCodeAt(dash + 1) === 45 ? -1 : dash + 1);

/** Tokens with a dash prefix: Slack (`xoxb-`, `xoxp-`, `xoxa-`, `xoxr-`, `xoxs-`, `xoxo-`, `xapp-`) and `sk-…` API keys (OpenAI, Anthropic and others). */
export const dashTokens: readonly Detector[] = [
  {
    anchor: 'k-',
    detect(text, at, found) {
      if (at === 0 || text.charCodeAt(at - 1) !== 115 || is(text, at - 2, TOKEN) || singleDash(text, at + 1) === -1) return at + 1;
      const end = skipForward(text, at + 2, TOKEN);
      return end - at > 21 && isMixed(text, at + 2, end) ? addToken(text, at - 1, end, found) : end;
    },
  },
  prefixedToken('xox', 0, (text, at) => (isOneOf(text, at + 3, 'abposr') && text.charCodeAt(at + 4) === 45 ? singleDash(text, at + 4) : -1), 10, TOKEN),
  prefixedToken('xapp-', 0, (text, at) => singleDash(text, at + 4), 10, TOKEN),
];

/**
 * Tokens with an underscore prefix: GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`,
 * `github_pat_`), Stripe (`sk_live_`, `rk_live_`, `pk_live_`, their `_test_` twins, `whsec_`).
 */
export const underscoreTokens: readonly Detector[] = [
  prefixedToken('gh', 0, (text, at) => (isOneOf(text, at + 2, 'pousr') && text.charCodeAt(at + 3) === 95 ? at + 4 : -1), 30),
  prefixedToken('github_pat_', 0, (_text, at) => at + 11, 22, TOKEN),
  prefixedToken('k_', 1, (text, at) => (isOneOf(text, at - 1, 'srp') && (text.startsWith('live_', at + 2) || text.startsWith('test_', at + 2)) ? at + 7 : -1), 10),
  prefixedToken('whsec_', 0, (_text, at) => at + 6, 20),
];

/** Tells whether `text[start, end)` has a digit, a capital and a lowercase letter, as random keys do. */
function isMixed(text: string, start: number, end: number): boolean {
  let digit = false;
  let upper = false;
  let lower = false;
  for (let i = start; i < end; i++) {
    if (is(text, i, DIGIT)) digit = true;
    else if (is(text, i, UPPER)) upper = true;
    else if (is(text, i, LETTER)) lower = true;
  }
  return digit && upper && lower;
}
