/** @module `GET /api/v1/exceptions` and `GET /api/v1/exceptions/{id}`: stored reports as JSON. */
import { Hono } from 'hono';
import { jsonError } from '../http/errors.js';
import { readId, readPageRequest, readText, readTime } from '../http/list-query.js';
import { sourceLink } from '../report/source-link.js';
import { parseStack } from '../report/stack-frames.js';
import type { ExceptionStore } from '../store/contract.js';

/**
 * Creates the read-only exceptions sub-router.
 *
 * Listing filters (all optional): `repo`, `type`, `endpoint` (exact, as sent), `since`
 * (ISO 8601; reports captured at or after it), `issue` (issue id). Pagination: `limit`
 * and `cursor`; the answer is `{ items, nextCursor }`, newest first.
 * The single report adds `stackLines`: each line of its trace with an `inApp` flag and, for a
 * frame in a file of the repository, a `link` to that line on GitHub and the `text` it covers.
 *
 * @param store - where reports are read from
 * @returns a router to mount at `/api/v1/exceptions`
 */
export function createExceptionRoutes(store: ExceptionStore): Hono {
  return new Hono()
    .get('/', function listExceptions(c) {
      const query = c.req.query();
      const filter = {
        repo: readText(query, 'repo'),
        type: readText(query, 'type'),
        endpoint: readText(query, 'endpoint'),
        since: readTime(query, 'since'),
        issueId: readId(query.issue, 'issue'),
      };
      return c.json(store.listExceptions(filter, readPageRequest(query)));
    })
    .get('/:id', function getException(c) {
      const exception = store.getException(c.req.param('id'));
      if (!exception) return jsonError(c, 404, 'not_found', 'no exception with this id');
      const stackLines = parseStack(exception.stackTrace, exception.language).map(({ text, frame }) => {
        const href = frame && sourceLink(exception.githubRepo, frame);
        return { text, inApp: frame?.inApp ?? false, ...(href && { link: { href, text: frame.location } }) };
      });
      return c.json({ ...exception, stackLines });
    });
}
