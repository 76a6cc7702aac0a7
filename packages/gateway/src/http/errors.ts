/** @module JSON error bodies shared by every route. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Body of every error response: a stable code, a sentence, and the offending field if any. */
export interface ErrorBody {
  error: string;
  message: string;
  field?: string;
}

/**
 * Responds with a JSON error.
 *
 * @param c - the request context
 * @param status - HTTP status
 * @param error - stable machine-readable code, e.g. `invalid_payload`
 * @param message - one sentence saying what to fix
 * @param field - the request field at fault, when there is one
 */
export function jsonError(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  message: string,
  field?: string | null,
): Response {
  const body: ErrorBody = field ? { error, message, field } : { error, message };
  return c.json(body, status);
}
