/** @module Key names whose values are secrets, and the matcher that recognises them in compound keys. */
import { DIGIT, KEY, is } from './chars';

/**
 * Sensitive key names, written in one canonical spelling. A key matches when, compared
 * case-insensitively and ignoring `_`, `-` and `.`, it is one of these names or ends with one
 * as a whole word (after a separator or a camelCase hump): `DB_PASSWORD`, `x-api-key`,
 * `stripeApiKey`, `spring.datasource.password` and `connect.sid` match; `passwordless`,
 * `tokenizer`, `sessionStorage`, `max_tokens` and `oauth` do not. Trailing digits are
 * ignored (`token2`).
 */
export const SENSITIVE_KEY_NAMES: readonly string[] = [
  'password', 'passwd', 'pwd', 'passphrase',
  'secret', 'token', 'auth', 'authorization', 'bearer', 'credential', 'credentials',
  'api_key', 'access_key', 'secret_key', 'private_key', 'signing_key', 'encryption_key',
  'session', 'session_id', 'sid', 'cookie', 'jwt', 'signature', 'csrf', 'xsrf', 'otp',
];

interface TrieNode {
  readonly children: (TrieNode | undefined)[];
  name: string | undefined;
}

const newNode = (): TrieNode => ({ children: [], name: undefined });

/** The names reversed, letters only, so a key is read from its end, where the name must sit. */
const ROOT = newNode();
for (const name of SENSITIVE_KEY_NAMES) {
  let node = ROOT;
  const letters = name.replace(/[^a-z]/g, '');
  for (let i = letters.length - 1; i >= 0; i--) {
    const index = letters.charCodeAt(i) - 97;
    node = node.children[index] ??= newNode();
  }
  node.name = name;
}

/** Longer keys are not looked at. */
export const MAX_KEY_LENGTH = 64;

/**
 * The sensitive name the key that ends just before `end` ends with, or `undefined`. The key is
 * read from its end, and only as far as the trie goes (two characters for `Error`), with no
 * allocation: it runs for every `key=` and `key:` in the text.
 */
export function matchSensitiveKey(text: string, end: number): string | undefined {
  const stop = Math.max(0, end - MAX_KEY_LENGTH);
  let i = end;
  while (i > stop && is(text, i - 1, DIGIT)) i--;
  let node = ROOT;
  for (i--; i >= stop; i--) {
    const code = text.charCodeAt(i);
    if (code === 95 || code === 45 || code === 46) continue;
    const lower = code | 32;
    if (lower < 97 || lower > 122) return undefined;
    const child = node.children[lower - 97];
    if (child === undefined) return undefined;
    node = child;
    if (node.name !== undefined && startsWord(text, i)) return node.name;
  }
  return undefined;
}

/** Tells whether a word of the key starts at `i`: at the key's start, after a separator, or at a camelCase hump. */
function startsWord(text: string, i: number): boolean {
  if (!is(text, i - 1, KEY)) return true;
  const prev = text.charCodeAt(i - 1);
  if (prev === 95 || prev === 45 || prev === 46) return true;
  const code = text.charCodeAt(i);
  if (code < 65 || code > 90) return false;
  if ((prev >= 97 && prev <= 122) || (prev >= 48 && prev <= 57)) return true;
  // After an acronym, a capital followed by a lowercase letter starts a word: the `T` of `URLToken`.
  const next = text.charCodeAt(i + 1);
  return prev >= 65 && prev <= 90 && next >= 97 && next <= 122;
}
