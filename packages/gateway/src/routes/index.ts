/** @module The gateway's Hono app: shared middleware, the sub-routers, error mapping. */
import { Hono } from 'hono';
import type { ChangeFeed } from '../change-feed.js';
import { jsonError } from '../http/errors.js';
import { loopbackHostGuard } from '../http/host-guard.js';
import { BadQueryError } from '../http/list-query.js';
import { securityHeaders } from '../http/security-headers.js';
import { type ExceptionStore, InvalidCursorError } from '../store/contract.js';
import type { RenderedPage } from '../ui/page.js';
import { createEventRoutes } from './events.js';
import { createExceptionRoutes } from './exceptions.js';
import { createIngestRoutes } from './ingest.js';
import { createIssueRoutes } from './issues.js';
import { createPageRoutes } from './page.js';

/** Everything the app is assembled from. */
export interface AppOptions {
  store: ExceptionStore;
  feed: ChangeFeed;
  apiKey: string;
  allowedRepos: readonly string[] | undefined;
  maxBodyBytes: number;
  page: RenderedPage;
  /** Refuse requests whose `Host` is not a loopback name; set when bound to loopback. */
  guardHost: boolean;
}

/**
 * Builds the Hono app. Runtime-agnostic: the server module attaches it to node:http.
 *
 * @param options - storage, live feed, key, allowlist, limits and the page
 * @returns the app
 */
export function createApp(options: AppOptions): Hono {
  const { store, feed } = options;
  const app = new Hono();
  app.use(securityHeaders());
  if (options.guardHost) app.use(loopbackHostGuard());

  app.route('/api/v1/exceptions', createIngestRoutes(options));
  app.route('/api/v1/exceptions', createExceptionRoutes(store));
  app.route('/api/v1/issues', createIssueRoutes(store));
  app.route('/api/v1/events', createEventRoutes(feed));
  app.route('/', createPageRoutes(options.page));

  app.notFound((c) => jsonError(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof BadQueryError) return jsonError(c, 400, 'invalid_query', error.message, error.field);
    if (error instanceof InvalidCursorError) return jsonError(c, 400, 'invalid_query', error.message, 'cursor');
    console.error('sentinel-gateway – request failed:', error);
    return jsonError(c, 500, 'internal_error', 'the gateway could not handle this request');
  });
  return app;
}
