/** @module PII scrubbing: the built-in rules, compiled once, and user scrubbers on top. */
import { authSchemeCredentials } from './scrub/auth-schemes';
import { cardNumbers } from './scrub/cards';
import { DIGIT, LETTER, is } from './scrub/chars';
import { colonRules } from './scrub/colon';
import { detectAll, groupByAnchor } from './scrub/detector';
import { emailAddresses, encodedEmailAddresses } from './scrub/email';
import { ipv4Addresses } from './scrub/ipv4';
import { privateKeyBlocks } from './scrub/private-keys';
import { Redactions } from './scrub/redactions';
import { assignmentSecrets } from './scrub/secrets';
import { matchSensitiveKey } from './scrub/sensitive-keys';
import { cloudKeys, dashTokens, jsonWebTokens, underscoreTokens } from './scrub/tokens';

/**
 * An extra scrubbing step: a pattern whose matches are replaced (every match, whether or not
 * the pattern has the `g` flag; `replacement` defaults to `'[REDACTED]'` and may use `$&`, `$1`
 * as in `String.prototype.replace`), or a function from text to text.
 */
export type Scrubber = { pattern: RegExp; replacement?: string } | ((text: string) => string);

const DEFAULT_REPLACEMENT = '[REDACTED]';

/**
 * Every rule, keyed by the character (or cheap pattern) each one starts from. When two rules
 * claim the same span, the first listed gives the placeholder: a `password=` value stays
 * `[REDACTED_SECRET]` even when it is also an email.
 */
const RULES = groupByAnchor([
  assignmentSecrets,
  colonRules,
  privateKeyBlocks,
  dashTokens,
  authSchemeCredentials,
  jsonWebTokens,
  cloudKeys,
  underscoreTokens,
  emailAddresses,
  encodedEmailAddresses,
  ipv4Addresses,
  cardNumbers,
]);

/**
 * Replaces personal data and secrets in free text with placeholders. Built-in rules:
 *
 * | Data | Becomes |
 * | --- | --- |
 * | Email address: `a.b+tag@mail.example.com`, also quoted, in URLs, `%40`-encoded | `[EMAIL]` |
 * | Card number: 13–19 digits, plain or grouped by single spaces or dashes (first group of four), Luhn-valid | `[CREDIT_CARD]` |
 * | IPv4 `10.0.0.1`; IPv6 in every form: `2001:db8::1`, `::1`, `::`, `::ffff:1.2.3.4`, `fe80::1%eth0`, `[2001:db8::1]:8080` (brackets included) | `[IP_ADDRESS]` |
 * | `Bearer …` / `Basic …` credentials; JWTs; AWS key ids (`AKIA…`, `ASIA…`); GitHub (`ghp_…`, `gho_…`, `ghu_…`, `ghs_…`, `ghr_…`, `github_pat_…`), Stripe (`sk_live_…`, `rk_live_…`, `pk_live_…`, `…_test_…`, `whsec_…`), Slack (`xoxb-…`, `xapp-…`), Google (`AIza…`) and `sk-…` keys; PEM private key blocks, to the end of the text when the END line is missing | `[REDACTED_TOKEN]` |
 * | The value of a sensitive key: `password=…`, `"api_key": "…"`, `token: …`, `?access_token=…&`, `Cookie: a=…; b=…`, `Set-Cookie: sid=…` (attributes kept) | `password=[REDACTED_SECRET]`: key, separator and quotes kept; after an `Authorization` scheme, `Bearer [REDACTED_TOKEN]` |
 * | The password of a URL or connection string: `postgres://user:pass@host` | `postgres://user:[REDACTED_SECRET]@host` |
 *
 * Sensitive keys are `password`, `passwd`, `pwd`, `passphrase`, `secret`, `token`, `auth`,
 * `authorization`, `bearer`, `credential(s)`, `api_key`, `access_key`, `secret_key`,
 * `private_key`, `signing_key`, `encryption_key`, `session`, `session_id`, `sid`, `cookie`,
 * `jwt`, `signature`, `csrf`, `xsrf` and `otp`: in any case, with `_`, `-`, `.` or no
 * separator, and as the last word of a compound key (`DB_PASSWORD`, `x-api-key`,
 * `stripeApiKey`, `client_secret`, `refresh_token`, `connect.sid`). `null`, `undefined`,
 * `true`, `false` and values opening with `{`, `[`, `(` or `<` are kept.
 *
 * Left alone on purpose: stack frame positions (`app.js:10:15`), `node:` and `file://` URLs,
 * ISO timestamps, a bare 13-digit number starting with 1–3 (epoch milliseconds, 2001–2096;
 * no card network issues 13 digits outside Visa's 4), versions (`1.2.3`, `v20.11.0`,
 * `v1.2.3.4`, `1.2.3.4.5`; a bare `1.2.3.4` is taken as an address), UUIDs, hashes, git SHAs,
 * durations, status codes, ports, Luhn-invalid numbers, phone numbers with `+`, decimals,
 * `aa:bb:cc:dd:ee:ff`, `12:30:45`, scopes such as `std::vector` and `a::b`, words such as
 * `tokenizer`, `passwordless`, `sessionStorage`, `authorized`, `max_tokens`, and anything
 * glued to a longer word, or to a `]` before it or a `[` after it (as it would be to a
 * placeholder). A URL user without a password (`ssh://git@host.example`) reads as an email.
 *
 * Guarantees: linear time in the length of the text, whatever it holds (each rule starts at
 * an anchor character and reads a bounded distance around it, or consumes what it reads);
 * idempotent (`scrub(scrub(x)) === scrub(x)`); placeholders never nest, and a surrogate pair is
 * never split. It never throws: a non-string is converted with `String()` (or becomes `''`),
 * and if scrubbing itself fails, for instance on an exhausted call stack, the result is `''`
 * rather than text that may hold PII.
 *
 * @param text Free text: an error message or a stack trace.
 * @returns The text with every match replaced by its placeholder.
 * @example
 * scrub('card 4111 1111 1111 1111 declined for bob@example.com from 10.0.0.7');
 * // 'card [CREDIT_CARD] declined for [EMAIL] from [IP_ADDRESS]'
 */
export function scrub(text: string): string {
  try {
    const input = String(text);
    return scan(input).apply(input);
  } catch {
    return '';
  }
}

/** Every redaction the built-in rules find in `text`. */
function scan(text: string): Redactions {
  const found = new Redactions();
  detectAll(text, RULES, found);
  return found;
}

/**
 * `[scrub(stack), scrub(message)]`, with one scan of the stack when the message ends its first
 * line after `: `, as V8 writes `Name: message`: the message costs no second scan.
 *
 * Why that part of the stack's scan finds just what a scan of the message alone finds: no rule
 * reads across the blank before the message or the line break after it otherwise than across
 * the ends of a text (a blank ends every run read backwards but the blanks before a `=` or `:`,
 * and the `:` behind those is no key; a line break ends every run and value read forwards). Two
 * things would still differ, and rule the shortcut out: a redaction across either end of the
 * message (a quoted value opened before it, a private key with no END line), and a value after
 * the `: ` when the error's name is a sensitive key (`Token: abc`). `scrub.property.test.ts`
 * checks the result against two scans. Never throws; if scrubbing fails, both texts are `''`.
 *
 * @param stack A stack trace, such as `error.stack`.
 * @param message The error's message.
 * @returns The scrubbed stack and the scrubbed message, as {@link scrub} gives each.
 * @example
 * scrubStackAndMessage('Error: bad card 4111 1111 1111 1111\n    at f (app.js:1:2)', 'bad card 4111 1111 1111 1111');
 * // ['Error: bad card [CREDIT_CARD]\n    at f (app.js:1:2)', 'bad card [CREDIT_CARD]']
 */
export function scrubStackAndMessage(stack: string, message: string): [string, string] {
  try {
    const found = scan(stack);
    const lineEnd = stack.indexOf('\n');
    const end = lineEnd === -1 ? stack.length : lineEnd;
    const start = end - message.length;
    // The name before `: ` ends with a letter or digit (no blank or quote between it and the `:`) and is no key.
    const own = stack.startsWith(': ', start - 2) && stack.startsWith(message, start) && is(stack, start - 3, DIGIT | LETTER) && matchSensitiveKey(stack, start - 2) === undefined ? found.within(start, end) : undefined;
    return [found.apply(stack), own === undefined ? scrub(message) : own.apply(message)];
  } catch {
    return ['', ''];
  }
}

/**
 * Builds the scrubber the SDK applies to every report: the built-in rules of {@link scrub},
 * then `extra` in order. Patterns are compiled once, here. At run time each extra step is
 * guarded: one that throws or returns a non-string is skipped, and the text goes on unchanged
 * to the next.
 *
 * @param extra User scrubbers; with none, `scrub` itself is returned.
 * @returns A function that never throws.
 * @example
 * const scrubText = createScrubber([{ pattern: /ORD-\d+/, replacement: '[ORDER]' }, (t) => t.replaceAll('acme', '[CUSTOMER]')]);
 * scrubText('ORD-1234 for bob@example.com at acme'); // '[ORDER] for [EMAIL] at [CUSTOMER]'
 */
export function createScrubber(extra: readonly Scrubber[]): (text: string) => string {
  const steps = Array.isArray(extra) ? extra.map(compileScrubber).filter((step) => step !== undefined) : [];
  if (steps.length === 0) return scrub;
  return function scrubWithExtras(text: string): string {
    let out = scrub(text);
    for (const step of steps) {
      try {
        const next: unknown = step(out);
        if (typeof next === 'string') out = next;
      } catch {
        // A failing user scrubber is skipped; the built-in rules have already run.
      }
    }
    return out;
  };
}

function compileScrubber(scrubber: Scrubber): ((text: string) => unknown) | undefined {
  if (typeof scrubber === 'function') return scrubber;
  if (typeof scrubber !== 'object' || scrubber === null || !(scrubber.pattern instanceof RegExp)) return undefined;
  const { pattern, replacement } = scrubber;
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const text = typeof replacement === 'string' ? replacement : DEFAULT_REPLACEMENT;
  return (input) => input.replace(global, text);
}
