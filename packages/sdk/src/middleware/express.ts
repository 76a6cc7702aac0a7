/** @module Express error handler (Express 4 and 5). */
import { createReporter, type IntegrationOptions } from './common';
import { EXPRESS_ENDPOINT } from './node-requests';

export type { IntegrationOptions } from './common';

/** The parts of an Express request this handler reads; structural, so Express is not needed at run time. */
export interface ExpressRequestLike {
  originalUrl?: string;
  url?: string;
  baseUrl?: string;
  route?: unknown;
}

/** An Express error-handling middleware: four parameters, as Express requires to recognise it. */
export type ExpressErrorHandler = (error: unknown, request: ExpressRequestLike, response: unknown, next: (error?: unknown) => void) => void;

/**
 * Creates an Express error-handling middleware that reports server errors and hands every error
 * on, unchanged, to the next error handler (yours, or Express's own), which answers as it would
 * without it. Register it after the routes. Errors of async handlers reach it in Express 5; in
 * Express 4 they do once passed to `next(error)`.
 *
 * `endpoint: 'route'` reports `req.baseUrl + req.route.path` (`/api/orders/:id`); requests that
 * matched no route fall back to the path.
 *
 * @param options - `endpoint` (`'path'` or `'route'`) and `shouldReport`.
 * @returns the middleware, `sentinelExpressErrorHandler(error, req, res, next)`.
 * @throws {@link InvalidOptionError} when an option has the wrong type.
 * @example
 * import express from 'express';
 * import { configure } from 'sentinel-sdk';
 * import { sentinelErrorHandler } from 'sentinel-sdk/express';
 *
 * configure({ apiKey: process.env.SENTINEL_API_KEY!, githubRepo: 'acme/shop' });
 * const app = express();
 * app.get('/orders/:id', getOrder);
 * app.use(sentinelErrorHandler());
 * @see https://expressjs.com/en/guide/error-handling.html
 */
export function sentinelErrorHandler(options?: IntegrationOptions): ExpressErrorHandler {
  const report = createReporter(options, EXPRESS_ENDPOINT);
  return function sentinelExpressErrorHandler(error, request, _response, next) {
    report(error, request);
    next(error);
  };
}
