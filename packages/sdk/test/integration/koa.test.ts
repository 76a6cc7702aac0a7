import Koa, { type Context } from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KoaMiddleware, sentinelMiddleware } from '../../src/middleware/koa';
import { failingStream, fetchAnswer, listen, type Listening, tick, useIngest } from './support';

const ingest = useIngest();

class PaymentError extends Error {
  readonly status = 503;
}

interface Route {
  template: string;
  pattern: RegExp;
  handle(ctx: Context): unknown;
}

const ROUTES: Route[] = [
  { template: '/ok', pattern: /^\/ok$/, handle: (ctx) => (ctx.body = { ok: true }) },
  {
    template: '/sync/:id',
    pattern: /^\/sync\/[^/]+$/,
    handle: () => {
      throw new TypeError('sync failure');
    },
  },
  {
    template: '/async/:id',
    pattern: /^\/async\/[^/]+$/,
    handle: async () => {
      await tick();
      throw new RangeError('async failure');
    },
  },
  { template: '/bad-request', pattern: /^\/bad-request$/, handle: (ctx) => ctx.throw(400, 'missing field') },
  {
    template: '/teapot',
    pattern: /^\/teapot$/,
    handle: () => {
      throw Object.assign(new Error('short and stout'), { status: 418, expose: true });
    },
  },
  {
    template: '/payment',
    pattern: /^\/payment$/,
    handle: () => {
      throw new PaymentError('card processor down');
    },
  },
  {
    template: '/non-error',
    pattern: /^\/non-error$/,
    handle: () => {
      throw 'not an Error';
    },
  },
  { template: '/stream-early', pattern: /^\/stream-early$/, handle: (ctx) => (ctx.body = failingStream(false)) },
  { template: '/stream-late', pattern: /^\/stream-late$/, handle: (ctx) => (ctx.body = failingStream(true)) },
  {
    template: '/api/orders/:id',
    pattern: /^\/api\/orders\/[^/]+$/,
    handle: () => {
      throw new Error('order lookup failed');
    },
  },
];

/** The same app, bare or with the middleware first; its router stands in for @koa/router, which sets `ctx._matchedRoute`. */
function buildApp(middleware?: KoaMiddleware): Koa {
  const app = new Koa();
  app.silent = true;
  if (middleware) app.use(middleware);
  app.use(async (ctx, next) => {
    const route = ROUTES.find(({ pattern }) => pattern.test(ctx.path));
    if (!route) return next();
    (ctx as Context & { _matchedRoute?: string })._matchedRoute = route.template;
    await route.handle(ctx);
  });
  return app;
}

describe('Koa sentinelMiddleware', () => {
  const servers: Record<'bare' | 'path' | 'route' | 'custom', Listening | undefined> = { bare: undefined, path: undefined, route: undefined, custom: undefined };
  const url = (name: keyof typeof servers): string => servers[name]?.url ?? '';

  beforeAll(async () => {
    servers.bare = await listen(buildApp().callback());
    servers.path = await listen(buildApp(sentinelMiddleware()).callback());
    servers.route = await listen(buildApp(sentinelMiddleware({ endpoint: 'route' })).callback());
    servers.custom = await listen(buildApp(sentinelMiddleware({ shouldReport: (error) => (error as { status?: number }).status === 400 })).callback());
  });
  afterAll(async () => {
    await Promise.all(Object.values(servers).map((server) => server?.close()));
  });

  it('answers every request exactly as the same app without it', async () => {
    const paths = ['/ok', '/sync/7?card=4111', '/async/7', '/bad-request', '/teapot', '/payment', '/non-error', '/stream-early', '/stream-late', '/api/orders/9', '/missing'];
    for (const path of paths) expect(await fetchAnswer(url('path'), path), path).toEqual(await fetchAnswer(url('bare'), path));
  });

  it('reports a synchronous throw once, with the path and no query string', async () => {
    expect((await fetchAnswer(url('path'), '/sync/7?card=4111')).status).toBe(500);
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ exceptionType: 'TypeError', errorMessage: 'sync failure', endpoint: '/sync/7' });
  });

  it('reports an error raised after an await', async () => {
    await fetchAnswer(url('path'), '/async/7');
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ exceptionType: 'RangeError', endpoint: '/async/7' });
  });

  it('reports an error carrying a 5xx status', async () => {
    expect((await fetchAnswer(url('path'), '/payment')).status).toBe(503);
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ exceptionType: 'PaymentError', endpoint: '/payment' });
  });

  it('reports a thrown value that is not an Error once, although Koa wraps it in one', async () => {
    await fetchAnswer(url('path'), '/non-error');
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ errorMessage: 'not an Error', endpoint: '/non-error' });
  });

  it("reports streamed bodies that fail, before or after the first chunk, from Koa's error event", async () => {
    await fetchAnswer(url('path'), '/stream-early');
    await fetchAnswer(url('path'), '/stream-late?x=1');
    const reports = await ingest.expectReports(2);
    expect(reports.map((report) => [report.errorMessage, report.endpoint]).sort()).toEqual([
      ['stream broke', '/stream-early'],
      ['stream broke', '/stream-late'],
    ]);
  });

  it('does not report successes, 404s or errors with a 4xx status', async () => {
    for (const path of ['/ok', '/missing', '/bad-request', '/teapot']) await fetchAnswer(url('path'), path);
    await ingest.expectReports(0);
  });

  it("reports ctx._matchedRoute with endpoint: 'route'", async () => {
    await fetchAnswer(url('route'), '/api/orders/9?x=1');
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ endpoint: '/api/orders/:id' });
  });

  it('lets shouldReport replace the default policy', async () => {
    await fetchAnswer(url('custom'), '/sync/7');
    await fetchAnswer(url('custom'), '/bad-request');
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ errorMessage: 'missing field', endpoint: '/bad-request' });
  });

  it('listens once to the error event of each application it serves', async () => {
    const app = buildApp(sentinelMiddleware());
    const server = await listen(app.callback());
    try {
      await fetchAnswer(server.url, '/ok');
      await fetchAnswer(server.url, '/ok');
      // Koa's own listener, added by callback(), and ours.
      expect(app.listenerCount('error')).toBe(2);
    } finally {
      await server.close();
    }
  });
});
