/** @module `GET /api/v1/issues` and `GET /api/v1/issues/{id}`: groups of reports as JSON. */
import { Hono } from 'hono';
import { jsonError } from '../http/errors.js';
import { readId, readPageRequest, readText } from '../http/list-query.js';
import type { ExceptionStore } from '../store/contract.js';

/**
 * Creates the read-only issues sub-router. The listing is most recently seen first,
 * filtered by `repo` if given, paginated like the exceptions listing. A group's reports
 * are listed by `GET /api/v1/exceptions?issue={id}`.
 *
 * @param store - where issues are read from
 * @returns a router to mount at `/api/v1/issues`
 */
export function createIssueRoutes(store: ExceptionStore): Hono {
  return new Hono()
    .get('/', function listIssues(c) {
      const query = c.req.query();
      return c.json(store.listIssues({ repo: readText(query, 'repo') }, readPageRequest(query)));
    })
    .get('/:id', function getIssue(c) {
      const issue = store.getIssue(readId(c.req.param('id'), 'id') ?? 0);
      if (!issue) return jsonError(c, 404, 'not_found', 'no issue with this id');
      return c.json(issue);
    });
}
