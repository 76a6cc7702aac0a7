/** @module Next.js: App Router route handlers and the `onRequestError` instrumentation hook. */
import { safeGet } from '../utils/safe-get';
import { createReporter, type EndpointReader, type IntegrationOptions, observeHandler, pathOf } from './common';

export type { IntegrationOptions } from './common';

/** The parts of a route handler's `Request` (or `NextRequest`) this integration reads. */
export interface RouteRequestLike {
  url: string;
}

/** The request Next.js passes to `onRequestError`. */
export interface RequestErrorRequest {
  /** The request target, query string included: `/orders/7?x=1`. */
  path: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The context Next.js passes to `onRequestError`. */
export interface RequestErrorContext {
  routerKind: 'Pages Router' | 'App Router';
  /** The route's file-system path: `/orders/[id]`. */
  routePath: string;
  routeType: 'render' | 'route' | 'action' | 'proxy' | 'middleware';
  renderSource?: string;
  revalidateReason?: 'on-demand' | 'stale' | undefined;
}

/** The `onRequestError` export of `instrumentation.ts`. */
export type RequestErrorHandler = (error: unknown, request: Readonly<RequestErrorRequest>, context: Readonly<RequestErrorContext>) => void;

// Next.js throws errors tagged with these `digest` prefixes for control flow: `redirect()`,
// `notFound()`/`forbidden()`/`unauthorized()`, bail-outs from static rendering. They are
// answers, not failures (next/dist/client/components/unstable-rethrow.js lists them).
const CONTROL_FLOW_DIGESTS = new Set([
  'NEXT_REDIRECT',
  'NEXT_HTTP_ERROR_FALLBACK',
  'NEXT_NOT_FOUND',
  'BAILOUT_TO_CLIENT_SIDE_RENDERING',
  'DYNAMIC_SERVER_USAGE',
  'HANGING_PROMISE_REJECTION',
  'NEXT_PRERENDER_INTERRUPTED',
]);
const REACT_POSTPONE = Symbol.for('react.postpone');

/** Tells whether a value is one Next.js throws for control flow, or React's postpone signal. */
function isNextControlFlow(error: unknown): boolean {
  const digest = safeGet(error, 'digest');
  if (typeof digest === 'string') {
    const cut = digest.indexOf(';');
    if (CONTROL_FLOW_DIGESTS.has(cut === -1 ? digest : digest.slice(0, cut))) return true;
  }
  return safeGet(error, '$$typeof') === REACT_POSTPONE;
}

const ROUTE_HANDLER_ENDPOINT: EndpointReader<RouteRequestLike> = {
  path: (request) => pathOf(safeGet(safeGet(request, 'nextUrl'), 'pathname') ?? safeGet(request, 'url')),
  // A route handler is not told its route template.
  route: () => undefined,
};

interface RequestError {
  request: Readonly<RequestErrorRequest>;
  context: Readonly<RequestErrorContext>;
}

const REQUEST_ERROR_ENDPOINT: EndpointReader<RequestError> = {
  path: ({ request }) => pathOf(safeGet(request, 'path')),
  route: ({ context }) => {
    const route = safeGet(context, 'routePath');
    return typeof route === 'string' && route !== '' ? route : undefined;
  },
};

/**
 * Wraps an App Router route handler so that the errors it throws, or its promise rejects with,
 * are reported, then thrown again unchanged for Next.js to answer as it would without it.
 * Control-flow errors (`redirect()`, `notFound()`…) are never reported. Its result is returned
 * as is. A failure inside a streamed body, once the handler has returned its `Response`, is not
 * seen here: Next.js passes it to `onRequestError`, as "failed to pipe response" caused by it.
 *
 * A route handler is not told its route template, so `endpoint: 'route'` reports the path here;
 * `onRequestError` knows the route.
 *
 * @param handler - the route handler, `(request, context) => Response | Promise<Response>`.
 * @param options - `endpoint` and `shouldReport`.
 * @returns a route handler of the same signature.
 * @throws {@link InvalidOptionError} when an option has the wrong type.
 * @example
 * // app/orders/[id]/route.ts
 * import { withSentinel } from 'sentinel-sdk/next';
 *
 * export const GET = withSentinel(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
 *   const { id } = await params;
 *   return Response.json(await loadOrder(id));
 * });
 * @see https://nextjs.org/docs/app/api-reference/file-conventions/route
 */
export function withSentinel<R extends RouteRequestLike, C, T>(
  handler: (request: R, context: C) => T,
  options?: IntegrationOptions,
): (request: R, context: C) => T {
  return observeHandler(handler, createReporter(options, ROUTE_HANDLER_ENDPOINT, isNextControlFlow));
}

/**
 * Creates an `onRequestError` hook for `instrumentation.ts` with options; {@link onRequestError}
 * is the one with defaults. It reports and returns at once, without waiting for delivery.
 *
 * `endpoint: 'route'` reports `context.routePath` (`/orders/[id]`).
 *
 * @param options - `endpoint` and `shouldReport`.
 * @returns the hook.
 * @throws {@link InvalidOptionError} when an option has the wrong type.
 * @example
 * // instrumentation.ts
 * import { createOnRequestError } from 'sentinel-sdk/next';
 *
 * export const onRequestError = createOnRequestError({ endpoint: 'route' });
 * @see https://nextjs.org/docs/app/api-reference/file-conventions/instrumentation#onrequesterror-optional
 */
export function createOnRequestError(options?: IntegrationOptions): RequestErrorHandler {
  const report = createReporter(options, REQUEST_ERROR_ENDPOINT, isNextControlFlow);
  return function onRequestError(error, request, context) {
    report(error, { request, context });
  };
}

/**
 * The `onRequestError` hook of `instrumentation.ts`: Next.js calls it for each error it catches
 * while rendering, in route handlers, server actions and proxy (middleware), on the Node.js
 * runtime. Configure the SDK in `register()`.
 *
 * @example
 * // instrumentation.ts
 * export async function register() {
 *   if (process.env.NEXT_RUNTIME === 'nodejs') {
 *     const { configure } = await import('sentinel-sdk');
 *     configure({ apiKey: process.env.SENTINEL_API_KEY!, githubRepo: 'acme/shop' });
 *   }
 * }
 * export { onRequestError } from 'sentinel-sdk/next';
 * @see https://nextjs.org/docs/app/api-reference/file-conventions/instrumentation#onrequesterror-optional
 */
export const onRequestError: RequestErrorHandler = /* @__PURE__ */ createOnRequestError();
