/** @module `node:http` / `node:https` request listener wrapper. */
import { safeGet } from '../utils/safe-get';
import { createReporter, type EndpointReader, type IntegrationOptions, observeHandler, pathOf } from './common';

export type { IntegrationOptions } from './common';

/** The part of an `IncomingMessage` this wrapper reads. */
export interface IncomingMessageLike {
  url?: string;
}

const HTTP_ENDPOINT: EndpointReader<IncomingMessageLike> = {
  path: (request) => pathOf(safeGet(request, 'url')),
  // Plain `node:http` has no routes.
  route: () => undefined,
};

/**
 * Wraps a `request` listener so that what it throws, or its promise rejects with, is reported,
 * then thrown again unchanged: a synchronous throw still reaches `uncaughtException`, a rejection
 * still reaches `unhandledRejection`, or the server's `captureRejections` handling, which answers
 * 500. The listener's `this` (the server) and result are passed through. An error the listener
 * handles itself, such as one from a `pipeline(source, res, callback)`, is its own to report
 * with `captureException`.
 *
 * @param handler - the listener, `(req, res) => void | Promise<void>`.
 * @param options - `shouldReport`; `endpoint: 'route'` reports the path, as there are no routes.
 * @returns a listener of the same signature.
 * @throws {@link InvalidOptionError} when an option has the wrong type.
 * @example
 * import http from 'node:http';
 * import { configure } from 'sentinel-sdk';
 * import { wrapRequestHandler } from 'sentinel-sdk/http';
 *
 * configure({ apiKey: process.env.SENTINEL_API_KEY!, githubRepo: 'acme/shop' });
 * http.createServer(wrapRequestHandler(async (req, res) => {
 *   res.end(JSON.stringify(await loadOrder(req.url)));
 * })).listen(3000);
 * @see https://nodejs.org/api/http.html#event-request
 */
export function wrapRequestHandler<This, Req extends IncomingMessageLike, Res, T>(
  handler: (this: This, request: Req, response: Res) => T,
  options?: IntegrationOptions,
): (this: This, request: Req, response: Res) => T {
  return observeHandler(handler, createReporter(options, HTTP_ENDPOINT));
}
