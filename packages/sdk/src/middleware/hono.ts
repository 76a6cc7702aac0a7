/** @module Hono middleware (Hono 4). */
import { safeGet } from '../utils/safe-get';
import { createReporter, type EndpointReader, type IntegrationOptions } from './common';

export type { IntegrationOptions } from './common';

/** The parts of a Hono context this middleware reads; structural, so Hono is not needed at run time. */
export interface HonoContextLike {
  req: { path: string };
  error?: unknown;
}

/** A Hono middleware. */
export type HonoMiddleware = (c: HonoContextLike, next: () => Promise<void>) => Promise<void>;

const HONO_ENDPOINT: EndpointReader<HonoContextLike> = {
  path: (c) => c.req.path,
  route: (c) => {
    // `routePath` is the template of the handler that ran last, the one that threw.
    const route = safeGet(c.req, 'routePath');
    return typeof route === 'string' && route !== '' ? route : undefined;
  },
};

/**
 * Creates a Hono middleware that reports server errors. Hono hands an error thrown by a handler
 * to `app.onError` (or its default handler) before the middleware resumes, and leaves it in
 * `c.error`: the middleware reports it from there, after the response is made, so the answer is
 * exactly Hono's. A thrown value that is not an Error bypasses `onError`: it is reported and
 * thrown again, unchanged. Errors inside a `stream()` callback go to that callback's own
 * `onError` and do not reach the middleware: report them there with `captureException`.
 *
 * `endpoint: 'route'` reports the matched route's template, `c.req.routePath` (`/orders/:id`),
 * falling back to the path.
 *
 * @param options - `endpoint` (`'path'` or `'route'`) and `shouldReport`.
 * @returns the middleware, `sentinelHonoMiddleware(c, next)`.
 * @throws {@link InvalidOptionError} when an option has the wrong type.
 * @example
 * import { Hono } from 'hono';
 * import { configure } from 'sentinel-sdk';
 * import { sentinelMiddleware } from 'sentinel-sdk/hono';
 *
 * configure({ apiKey: process.env.SENTINEL_API_KEY!, githubRepo: 'acme/shop' });
 * const app = new Hono();
 * app.use(sentinelMiddleware());
 * app.get('/orders/:id', getOrder);
 * @see https://hono.dev/docs/api/hono#error-handling
 */
export function sentinelMiddleware(options?: IntegrationOptions): HonoMiddleware {
  const report = createReporter(options, HONO_ENDPOINT);
  return async function sentinelHonoMiddleware(c, next) {
    try {
      await next();
    } catch (error) {
      report(error, c);
      throw error;
    }
    if (c.error !== undefined) report(c.error, c);
  };
}
