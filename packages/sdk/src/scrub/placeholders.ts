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
  if (text.charCodeAt(index) !== 91) return false;
  for (const placeholder of PLACEHOLDERS) if (text.startsWith(placeholder, index)) return true;
  return false;
}
