/** @module Query-string parameters shared by the listing endpoints. */
import type { PageRequest } from '../store/contract.js';

/** Default and largest `limit` of a listing page. */
export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

/** A query parameter has a value the endpoint cannot use; answered with 400. */
export class BadQueryError extends Error {
  override readonly name = 'BadQueryError';
  /**
   * @param field - the query parameter at fault
   * @param message - what a valid value looks like
   */
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | undefined>;

/**
 * Reads `limit` (1 to {@link MAX_PAGE_LIMIT}) and `cursor`.
 *
 * @throws BadQueryError when `limit` is not such an integer
 */
export function readPageRequest(query: Query): PageRequest {
  const limit = query.limit === undefined ? DEFAULT_PAGE_LIMIT : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new BadQueryError('limit', `limit must be an integer from 1 to ${MAX_PAGE_LIMIT}`);
  }
  return query.cursor === undefined || query.cursor === '' ? { limit } : { limit, cursor: query.cursor };
}

/**
 * Reads a date-time parameter as epoch milliseconds.
 *
 * @throws BadQueryError when present but not a date
 */
export function readTime(query: Query, name: string): number | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new BadQueryError(name, `${name} must be an ISO 8601 date-time`);
  return time;
}

/**
 * Reads a positive integer id, from the query or a path parameter.
 *
 * @throws BadQueryError when present but not a positive integer
 */
export function readId(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const id = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) {
    throw new BadQueryError(name, `${name} must be a positive integer`);
  }
  return id;
}

/** Reads an optional text filter; an empty value means no filter. */
export function readText(query: Query, name: string): string | undefined {
  const value = query[name];
  return value === undefined || value === '' ? undefined : value;
}
