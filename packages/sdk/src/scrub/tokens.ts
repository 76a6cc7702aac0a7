/** @module Credentials recognisable by their own format, wherever they appear. */
import { DIGIT, LETTER, TOKEN, UPPER, charKinds, is, skipForward } from './chars';
import type { Detector } from './detector';
import { REDACTED_TOKEN, touchesPlaceholder } from './placeholders';
import type { Redactions } from './redactions';

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
    while (segments < 5 && text.charCodeAt(end) === 46 && is(text, end + 1, TOKEN)) {
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

/** Tells whether `word` sits just before `end`, not glued to a longer token. */
function endsWithWord(text: string, end: number, word: string): boolean {
  const start = end - word.length;
  return start >= 0 && text.startsWith(word, start) && !is(text, start - 1, TOKEN);
}

/**
 * Tokens with an underscore prefix: GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`,
 * `github_pat_`), Stripe (`sk_live_`, `rk_live_`, `pk_live_`, their `_test_` twins, `whsec_`).
 */
export const underscoreTokens: Detector = {
  anchor: '_',
  detect(text, at, found) {
    switch (text.charCodeAt(at - 1)) {
      case 112: // p
      case 111: // o
      case 117: // u
      case 115: // s
      case 114: // r
        if (endsWithWord(text, at - 1, 'gh')) return minimumRun(text, at - 3, at + 1, 30, found);
        break;
      case 98: // b
        if (endsWithWord(text, at, 'github') && text.startsWith('pat_', at + 1)) return minimumRun(text, at - 6, at + 5, 22, found, TOKEN);
        break;
      case 107: // k, of `sk`, `rk` or `pk`
        if (at >= 2 && 'srp'.includes(text.charAt(at - 2)) && !is(text, at - 3, TOKEN) && (text.startsWith('live_', at + 1) || text.startsWith('test_', at + 1))) {
          return minimumRun(text, at - 2, at + 6, 10, found);
        }
        break;
      case 99: // c
        if (endsWithWord(text, at, 'whsec')) return minimumRun(text, at - 5, at + 1, 20, found);
        break;
    }
    let end = at + 1;
    while (text.charCodeAt(end) === 95) end++;
    return end;
  },
};

/** Tokens with a dash prefix: Slack (`xoxb-`, `xoxp-`, `xoxa-`, `xoxr-`, `xoxs-`, `xoxo-`, `xapp-`) and `sk-…` API keys (OpenAI, Anthropic and others). */
export const dashTokens: Detector = {
  anchor: '-',
  detect(text, at, found) {
    const prev = text.charCodeAt(at - 1);
    if (text.charCodeAt(at + 1) === 45) {
      let end = at + 2;
      while (text.charCodeAt(end) === 45) end++;
      return end;
    }
    if (prev === 107 && endsWithWord(text, at, 'sk')) {
      const end = skipForward(text, at + 1, TOKEN);
      return end - at > 20 && charKinds(text, at + 1, end) === (DIGIT | UPPER | LETTER) ? addToken(text, at - 2, end, found) : end;
    }
    // `xox?-` has an `x` two places back, `xapp-` a `p` just before: checked first, as most dashes are neither.
    const slack =
      text.charCodeAt(at - 2) === 120
        ? at >= 4 && text.startsWith('xox', at - 4) && 'abposr'.includes(text.charAt(at - 1)) && !is(text, at - 5, TOKEN)
        : prev === 112 && endsWithWord(text, at, 'xapp');
    if (slack) {
      return minimumRun(text, at - 4, at + 1, 10, found, TOKEN);
    }
    return at + 1;
  },
};

/** Redacts `[start, end of the run at body)` when the run has at least `minimum` characters of `flags`. */
function minimumRun(text: string, start: number, body: number, minimum: number, found: Redactions, flags = LETTER | DIGIT): number {
  const end = skipForward(text, body, flags);
  return end - body >= minimum ? addToken(text, start, end, found) : end;
}
