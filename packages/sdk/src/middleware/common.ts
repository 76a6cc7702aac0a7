/** @module What every framework integration shares: options, the report policy, status and path reading. */
import { InvalidOptionError } from '../errors';
import { captureException } from '../sdk';
import { safeGet } from '../utils/safe-get';

/** Options accepted by every framework integration. */
export interface IntegrationOptions {
  /**
   * What is reported as `endpoint`. `'path'` (default): the request path, without query string
   * or fragment. `'route'`: the route template (`/orders/:id`) where the framework knows it,
   * otherwise the path.
   */
  endpoint?: 'path' | 'route';
  /**
   * Decides whether an error is reported, in place of the default {@link isServerError}. If it
   * throws, the error is reported.
   */
  shouldReport?: (error: unknown) => boolean;
}

/** How an integration reads the endpoint from its own request object. */
export interface EndpointReader<R> {
  path(request: R): string | undefined;
  route(request: R): string | undefined;
}

/** Reports one error seen by a framework, if the policy wants it. Never throws. */
export type Reporter<R> = (error: unknown, request: R) => void;

/**
 * Reads the HTTP status an error carries: Nest's `getStatus()`, then `status` (Hono
 * `HTTPException`, http-errors, Koa), then `statusCode` (Fastify, http-errors). Only 400–599
 * counts: for anything else, Express and Koa answer 500.
 *
 * @param error - any thrown value.
 * @returns the status, or `undefined` when the error carries none.
 */
export function statusOf(error: unknown): number | undefined {
  if ((typeof error !== 'object' && typeof error !== 'function') || error === null) return undefined;
  const getStatus = safeGet(error, 'getStatus');
  if (typeof getStatus === 'function') {
    try {
      const status: unknown = getStatus.call(error);
      if (isErrorStatus(status)) return status;
    } catch {
      // A throwing accessor tells nothing; look at the fields instead.
    }
  }
  const status = safeGet(error, 'status');
  if (isErrorStatus(status)) return status;
  const statusCode = safeGet(error, 'statusCode');
  return isErrorStatus(statusCode) ? statusCode : undefined;
}

/**
 * The default report policy: server errors only. An error is one when it carries a status of 500
 * or more, or no status at all, unless it is marked `expose: true` (http-errors' mark of an error
 * meant for the client).
 *
 * @param error - any thrown value.
 * @returns `true` when the error should be reported.
 */
export function isServerError(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) return status >= 500;
  return safeGet(error, 'expose') !== true;
}

const PATH = /^(?:[a-z][a-z\d+.-]*:\/\/[^/?#]*)?([^?#]*)/i;

/**
 * The path of a request target or URL, without origin, query string or fragment.
 *
 * @param url - `/orders/7?x=1` or `https://shop.example/orders/7#top`.
 * @returns `/orders/7`, or `undefined` when `url` is not a string.
 */
export function pathOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  return PATH.exec(url)?.[1] || '/';
}

/**
 * Validates and merges an integration's options once, and returns the function that reports
 * one error. All per-option work happens here, so that nothing runs per request.
 *
 * @param options - the user's options.
 * @param read - how this framework's request gives its path and route template.
 * @param isControlFlow - values the framework throws for control flow; never reported.
 * @returns a reporter that never throws.
 * @throws {@link InvalidOptionError} when an option has the wrong type.
 */
export function createReporter<R>(
  options: IntegrationOptions | undefined,
  read: EndpointReader<R>,
  isControlFlow?: (error: unknown) => boolean,
): Reporter<R> {
  const { endpoint, shouldReport } = mergeOptions(options);
  const endpointOf = endpoint === 'route' ? (request: R) => read.route(request) ?? read.path(request) : read.path;

  return function report(error, request) {
    if (isControlFlow?.(error)) return;
    let at: string | undefined;
    try {
      if (!shouldReport(error)) return;
      at = endpointOf(request);
    } catch {
      // A throwing `shouldReport` must not hide the error: it is reported, without endpoint if need be.
    }
    void captureException(error, { endpoint: at });
  };
}

/**
 * Wraps a two-argument request handler (`(req, res)`, `(request, context)`) so that what it
 * throws, or what its promise rejects with, is reported and then thrown again unchanged. The
 * handler's own return value is passed through; only a returned promise is chained, once.
 *
 * @param handler - the application's handler.
 * @param report - reports an error for the handler's first argument.
 * @returns a handler with the same signature and `this`.
 */
export function observeHandler<This, A, B, T>(handler: (this: This, a: A, b: B) => T, report: Reporter<A>): (this: This, a: A, b: B) => T {
  return function observedHandler(this: This, a: A, b: B): T {
    let result: T;
    try {
      result = handler.call(this, a, b);
    } catch (error) {
      report(error, a);
      throw error;
    }
    if (!isThenable(result)) return result;
    return result.then(undefined, (error: unknown) => {
      report(error, a);
      throw error;
    }) as T;
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof safeGet(value, 'then') === 'function';
}

function mergeOptions(options: IntegrationOptions | undefined): Required<IntegrationOptions> {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new InvalidOptionError('options', 'must be an object');
  }
  const merged = { endpoint: options?.endpoint ?? 'path', shouldReport: options?.shouldReport ?? isServerError } satisfies Required<IntegrationOptions>;
  if (merged.endpoint !== 'path' && merged.endpoint !== 'route') throw new InvalidOptionError('endpoint', "must be 'path' or 'route'");
  if (typeof merged.shouldReport !== 'function') throw new InvalidOptionError('shouldReport', 'must be a function');
  return merged;
}

function isErrorStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599;
}
