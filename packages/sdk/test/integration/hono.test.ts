import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { stream } from 'hono/streaming';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type HonoMiddleware, sentinelMiddleware } from '../../src/middleware/hono';
import { type Answer, answerOf, tick, useIngest } from './support';

const ingest = useIngest();

class PaymentError extends Error {
  readonly status = 503;
}

/** The same app, bare or with the middleware; its sub-application has its own error handler. */
function buildApp(middleware?: HonoMiddleware): Hono {
  const app = new Hono();
  if (middleware) app.use(middleware);
  app.get('/ok', (c) => c.json({ ok: true }));
  app.get('/sync/:id', () => {
    throw new TypeError('sync failure');
  });
  app.get('/async/:id', async () => {
    await tick();
    throw new RangeError('async failure');
  });
  app.get('/bad-request', () => {
    throw new HTTPException(400, { message: 'missing field' });
  });
  app.get('/teapot', () => {
    throw new HTTPException(418, { message: 'short and stout' });
  });
  app.get('/unavailable', () => {
    throw new HTTPException(503, { message: 'try later' });
  });
  app.get('/payment', () => {
    throw new PaymentError('card processor down');
  });
  app.get('/non-error', () => {
    throw 'not an Error';
  });
  app.get('/stream', (c) =>
    stream(c, async (s) => {
      await s.write('first chunk\n');
      throw new Error('stream broke');
    }),
  );
  const api = new Hono();
  api.get('/orders/:id', () => {
    throw new Error('order lookup failed');
  });
  api.onError((error, c) => c.json({ error: error.message }, 500));
  app.route('/api', api);
  return app;
}

async function answer(app: Hono, path: string): Promise<Answer> {
  try {
    return await answerOf(await app.request(path));
  } catch (error) {
    return { status: 0, headers: {}, body: `<rejected: ${String(error)}>` };
  }
}

describe('Hono sentinelMiddleware', () => {
  const apps = { bare: buildApp(), path: buildApp(sentinelMiddleware()), route: buildApp(sentinelMiddleware({ endpoint: 'route' })) };
  const custom = buildApp(sentinelMiddleware({ shouldReport: (error) => error instanceof HTTPException && error.status === 400 }));

  beforeAll(() => {
    // Hono's default error handler logs each error; the same lines come from both apps.
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  it('answers every request exactly as the same app without it', async () => {
    const paths = ['/ok', '/sync/7?card=4111', '/async/7', '/bad-request', '/teapot', '/unavailable', '/payment', '/non-error', '/stream', '/api/orders/9', '/missing'];
    for (const path of paths) expect(await answer(apps.path, path), path).toEqual(await answer(apps.bare, path));
  });

  it('reports a synchronous throw once, with the path and no query string', async () => {
    expect((await answer(apps.path, '/sync/7?card=4111')).status).toBe(500);
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ exceptionType: 'TypeError', errorMessage: 'sync failure', endpoint: '/sync/7' });
  });

  it('reports an error raised after an await', async () => {
    await answer(apps.path, '/async/7');
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ exceptionType: 'RangeError', endpoint: '/async/7' });
  });

  it('reports an HTTPException or a custom error with a 5xx status', async () => {
    expect((await answer(apps.path, '/unavailable')).status).toBe(503);
    await answer(apps.path, '/payment');
    const reports = await ingest.expectReports(2);
    expect(reports.map((report) => report.exceptionType).sort()).toEqual(['HTTPException', 'PaymentError']);
  });

  it('reports an error handled by the onError of a sub-application', async () => {
    expect(await answer(apps.path, '/api/orders/9')).toMatchObject({ status: 500, body: '{"error":"order lookup failed"}' });
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ endpoint: '/api/orders/9' });
  });

  it('reports a thrown value that is not an Error, which Hono does not handle, and lets it through', async () => {
    await expect(apps.path.request('/non-error')).rejects.toBe('not an Error');
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ errorMessage: 'not an Error', endpoint: '/non-error' });
  });

  it('does not report successes, 404s or 4xx HTTPExceptions', async () => {
    for (const path of ['/ok', '/missing', '/bad-request', '/teapot']) await answer(apps.path, path);
    await ingest.expectReports(0);
  });

  it("does not see an error inside a stream() callback, which Hono hands to the callback's own onError", async () => {
    expect((await answer(apps.path, '/stream')).body).toBe('first chunk\n');
    await ingest.expectReports(0);
  });

  it("reports the route template with endpoint: 'route'", async () => {
    await answer(apps.route, '/api/orders/9?x=1');
    await answer(apps.route, '/sync/7');
    const reports = await ingest.expectReports(2);
    expect(reports.map((report) => report.endpoint).sort()).toEqual(['/api/orders/:id', '/sync/:id']);
  });

  it('lets shouldReport replace the default policy', async () => {
    await answer(custom, '/sync/7');
    await answer(custom, '/bad-request');
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ errorMessage: 'missing field', endpoint: '/bad-request' });
  });
});
