/** @module Koa middleware (Koa 2 and 3). */
import { safeGet } from '../utils/safe-get';
import { createReporter, type EndpointReader, type IntegrationOptions, pathOf } from './common';

export type { IntegrationOptions } from './common';

/** The parts of a Koa context this middleware reads; structural, so Koa is not needed at run time. */
export interface KoaContextLike {
  originalUrl?: string;
  /** Set by @koa/router to the matched layer's path. */
  _matchedRoute?: unknown;
  app: { on(event: 'error', listener: (error: unknown, ctx?: KoaContextLike) => void): unknown };
}

/** A Koa middleware. */
export type KoaMiddleware = (ctx: KoaContextLike, next: () => Promise<unknown>) => Promise<void>;

const KOA_ENDPOINT: EndpointReader<KoaContextLike | undefined> = {
  path: (ctx) => pathOf(safeGet(ctx, 'originalUrl')),
  route: (ctx) => {
    const route = safeGet(ctx, '_matchedRoute');
    return typeof route === 'string' ? route : undefined;
  },
};

/**
 * Creates a Koa middleware that reports server errors. It sees what the middleware after it
 * throws, reports it and throws it again, unchanged, so that Koa (or your error middleware in
 * front of it) answers as it would without it. Errors raised once the middleware chain is done,
 * like a streamed body that fails, reach Koa's `'error'` event only: the middleware also listens
 * to that event on the first request, and reports them from there. Add it first, or right after
 * your own error-handling middleware.
 *
 * `endpoint: 'route'` reports `ctx._matchedRoute`, which @koa/router sets (`/orders/:id`);
 * without a matched router layer it falls back to the path.
 *
 * @param options - `endpoint` (`'path'` or `'route'`) and `shouldReport`.
 * @returns the middleware, `sentinelKoaMiddleware(ctx, next)`.
 * @throws {@link InvalidOptionError} when an option has the wrong type.
 * @example
 * import Koa from 'koa';
 * import { configure } from 'sentinel-sdk';
 * import { sentinelMiddleware } from 'sentinel-sdk/koa';
 *
 * configure({ apiKey: process.env.SENTINEL_API_KEY!, githubRepo: 'acme/shop' });
 * const app = new Koa();
 * app.use(sentinelMiddleware());
 * app.use(router.routes());
 * @see https://koajs.com/#error-handling
 */
export function sentinelMiddleware(options?: IntegrationOptions): KoaMiddleware {
  const report = createReporter(options, KOA_ENDPOINT);
  const observedApps = new WeakSet<object>();
  // Contexts whose error the middleware has seen: Koa emits it again on `'error'`, wrapped in
  // a new Error when the thrown value was not one, which would otherwise be a second report.
  const seenContexts = new WeakSet<object>();
  let lastApp: object | undefined;

  function sentinelOnAppError(error: unknown, ctx?: KoaContextLike): void {
    if (ctx === undefined || !seenContexts.has(ctx)) report(error, ctx);
  }

  return async function sentinelKoaMiddleware(ctx, next) {
    if (ctx.app !== lastApp) {
      lastApp = ctx.app;
      if (!observedApps.has(lastApp)) {
        observedApps.add(lastApp);
        ctx.app.on('error', sentinelOnAppError);
      }
    }
    try {
      await next();
    } catch (error) {
      seenContexts.add(ctx);
      report(error, ctx);
      throw error;
    }
  };
}
