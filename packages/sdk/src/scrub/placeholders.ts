/** @module The text that replaces each kind of redacted data (the gateway contract's table). */

export const EMAIL = '[EMAIL]';
export const CREDIT_CARD = '[CREDIT_CARD]';
export const IP_ADDRESS = '[IP_ADDRESS]';
export const REDACTED_TOKEN = '[REDACTED_TOKEN]';
export const REDACTED_SECRET = '[REDACTED_SECRET]';

/** Every placeholder, so that rules can leave text that is already scrubbed alone. */
export const PLACEHOLDERS: readonly string[] = [EMAIL, CREDIT_CARD, IP_ADDRESS, REDACTED_TOKEN, REDACTED_SECRET];

/** Tells whether a placeholder starts at `index`. */
export function startsWithPlaceholder(text: string, index: number): boolean {
  return text.charCodeAt(index) === 91 && PLACEHOLDERS.some((placeholder) => text.startsWith(placeholder, index));
}

/**
 * Tells whether `[start, end)` sits right after a `]` or right before a `[` (a `.` between
 * counts as touching), as it would next to a placeholder. Rules that check what surrounds a
 * match refuse such a match: scrubbing the output again then finds nothing new, so `scrub`
 * stays idempotent even where a redaction removed the character that kept a neighbour from
 * matching the first time.
 */
export function touchesPlaceholder(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1) === 46 ? start - 2 : start - 1;
  const after = text.charCodeAt(end) === 46 ? end + 1 : end;
  return text.charCodeAt(before) === 93 || text.charCodeAt(after) === 91;
}
