/** @module Opaque keyset cursors: a tag naming the listing plus the sort key of the last item. */
import { InvalidCursorError } from './contract.js';

/**
 * Encodes the position after an item.
 *
 * @param tag - names the listing, so a cursor of one listing is refused by another
 * @param keys - the sort key of the last item on the page
 * @returns a URL-safe string
 */
export function encodeCursor(tag: string, keys: readonly number[]): string {
  return Buffer.from(`${tag}:${keys.join(':')}`).toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor} for the same tag and key count.
 *
 * @throws InvalidCursorError for anything else
 */
export function decodeCursor(tag: string, cursor: string, keyCount: number): number[] {
  const [cursorTag, ...parts] = Buffer.from(cursor, 'base64url').toString().split(':');
  const keys = parts.map(Number);
  if (cursorTag !== tag || keys.length !== keyCount || !keys.every(Number.isSafeInteger)) {
    throw new InvalidCursorError();
  }
  return keys;
}
