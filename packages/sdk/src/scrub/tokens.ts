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

/** Slack tokens, found from `xox` or `xapp-`: `xoxb-`, `xoxp-`, `xoxa-`, `xoxr-`, `xoxs-`, `xoxo-`, `xapp-`, then ten or more token characters. */
const slackToken: Detector['detect'] = (text, at, found) =>
  (text.startsWith('xapp-', at) || (text.startsWith('xox', at) && 'abposr'.includes(text.charAt(at + 3)) && text.charCodeAt(at + 4) === 45))
  && text.charCodeAt(at + 5) !== 45 && !is(text, at - 1, TOKEN)
    ? minimumRun(text, at, at + 5, 10, found, TOKEN)
    : at + 1;

/**
 * Tokens with a dash prefix: Slack and `sk-…` API keys (OpenAI, Anthropic and others). Each is
 * searched for from letters of its prefix (rare in messages and stack traces alike), so the
 * dashes of paths cost nothing. A dash that starts a run of dashes (`sk--x`) ends no prefix.
 */
export const dashTokens: readonly Detector[] = [
  {
    anchor: 'k-',
    detect(text, at, found) {
      if (text.charCodeAt(at - 1) !== 115 || is(text, at - 2, TOKEN) || text.charCodeAt(at + 2) === 45) return at + 1;
      const end = skipForward(text, at + 2, TOKEN);
      // Random keys mix digits, capitals and small letters.
      return end - at > 21 && charKinds(text, at + 2, end) === (DIGIT | UPPER | LETTER) ? addToken(text, at - 1, end, found) : end;
    },
  },
  { anchor: 'xox', detect: slackToken },
  { anchor: 'xapp-', detect: slackToken },
];

/** Tells whether `word` sits just before `end`, not glued to a longer token. */
function endsWithWord(text: string, end: number, word: string): boolean {
  const start = end - word.length;
  return start >= 0 && text.startsWith(word, start) && !is(text, start - 1, TOKEN);
}

/**
 * Tokens with an underscore prefix: GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`,
 * `github_pat_`), Stripe (`sk_live_`, `rk_live_`, `pk_live_`, their `_test_` twins, `whsec_`).
 * Found from the `_`, rare in messages (whose words make the letters of the prefixes common);
 * the `_` of `node_modules` is told apart by the letter before it.
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

/** Redacts `[start, end of the run at body)` when the run has at least `minimum` characters of `flags`. */
function minimumRun(text: string, start: number, body: number, minimum: number, found: Redactions, flags = LETTER | DIGIT): number {
  const end = skipForward(text, body, flags);
  return end - body >= minimum ? addToken(text, start, end, found) : end;
}
