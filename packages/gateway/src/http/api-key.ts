/** @module API keys: generating one, and checking an `Authorization: Bearer` header in constant time. */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function digest(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}

/**
 * Builds a checker for one API key. Both sides are hashed first, so the comparison
 * takes the same time whatever the length or content of the presented key.
 *
 * @param apiKey - the key clients must present
 * @returns a function telling whether an `Authorization` header carries that key
 * @example
 * const isAuthorized = createBearerCheck('secret');
 * isAuthorized('Bearer secret'); // true
 */
export function createBearerCheck(apiKey: string): (header: string | undefined) => boolean {
  const expected = digest(apiKey);
  return (header) => {
    const presented = header === undefined ? undefined : BEARER.exec(header)?.[1];
    // Compare even when the header is missing, so a malformed header costs the same time.
    const matches = timingSafeEqual(digest(presented ?? ''), expected);
    return presented !== undefined && matches;
  };
}

/**
 * Generates a random API key: 32 bytes of entropy, URL-safe.
 *
 * @returns a key such as `sgw_3q2-…`
 */
export function generateApiKey(): string {
  return `sgw_${randomBytes(32).toString('base64url')}`;
}
