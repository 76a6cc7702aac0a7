/** @module Time-ordered UUIDs (version 7, RFC 9562) for stored reports. */
import { randomFillSync } from 'node:crypto';

const POOL_IDS = 256;
const pool = Buffer.alloc(16 * POOL_IDS);
let offset = pool.length;

/**
 * Generates a UUIDv7: 48 bits of Unix milliseconds, then random bits. Ids made later sort
 * later, so the unique index on them grows at its end instead of splitting pages at random,
 * which keeps ingest fast; the random part keeps them unguessable across databases.
 *
 * @returns a lowercase UUID string
 * @see https://www.rfc-editor.org/rfc/rfc9562#name-uuid-version-7
 */
export function createTimeOrderedId(): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + 16);
  offset += 16;
  bytes.writeUIntBE(Date.now(), 0, 6);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
