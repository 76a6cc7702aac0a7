import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IntegrationOptions, sentinelPlugin } from '../../src/middleware/fastify';
import { type Answer, failingStream, tick, useIngest } from './support';

const ingest = useIngest();

class PaymentError extends Error {
  readonly statusCode = 503;
}

/** The same app, bare or with the plugin registered first. */
async function buildApp(options?: IntegrationOptions): Promise<FastifyInstance> {
  const app = Fastify();
  if (options) await app.register(sentinelPlugin, options);
  app.get('/ok', async () => ({ ok: true }));
  app.get('/sync/:id', () => {
    throw new TypeError('sync failure');
  });
  app.get('/async/:id', async () => {
    await tick();
    throw new RangeError('async failure');
  });
  app.get('/validated', { schema: { querystring: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } } } }, async () => 'valid');
  app.get('/teapot', async () => {
    throw Object.assign(new Error('short and stout'), { statusCode: 418 });
  });
  app.get('/payment', async () => {
    throw new PaymentError('card processor down');
  });
  app.get('/stream-early', (_request, reply) => reply.type('text/plain').send(failingStream(false)));
  app.get('/stream-late', (_request, reply) => reply.type('text/plain').send(failingStream(true)));
  await app.register(
    async (api) => {
      api.get('/orders/:id', async () => {
        throw new Error('order lookup failed');
      });
    },
    { prefix: '/api' },
  );
  await app.ready();
  return app;
}

async function answer(app: FastifyInstance, url: string): Promise<Answer> {
  const response = await app.inject({ method: 'GET', url });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) if (name !== 'date') headers[name] = String(value);
  return { status: response.statusCode, headers, body: response.body };
}

describe('Fastify sentinelPlugin', () => {
  const apps: Record<'bare' | 'path' | 'route' | 'custom', FastifyInstance | undefined> = { bare: undefined, path: undefined, route: undefined, custom: undefined };
  const get = (name: keyof typeof apps, url: string): Promise<Answer> => answer(apps[name] as FastifyInstance, url);

  beforeAll(async () => {
    apps.bare = await buildApp();
    apps.path = await buildApp({});
    apps.route = await buildApp({ endpoint: 'route' });
    apps.custom = await buildApp({ shouldReport: (error) => (error as { statusCode?: number }).statusCode === 400 });
  });
  afterAll(async () => {
    await Promise.all(Object.values(apps).map((app) => app?.close()));
  });

  it('answers every request exactly as the same app without it', async () => {
    const paths = ['/ok', '/sync/7?card=4111', '/async/7', '/validated?n=x', '/teapot', '/payment', '/stream-early', '/api/orders/9', '/missing'];
    for (const path of paths) expect(await get('path', path), path).toEqual(await get('bare', path));
  });

  it('reports a synchronous throw once, with the path and no query string', async () => {
    expect((await get('path', '/sync/7?card=4111')).status).toBe(500);
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ exceptionType: 'TypeError', errorMessage: 'sync failure', endpoint: '/sync/7' });
  });

  it('reports an error raised after an await', async () => {
    await get('path', '/async/7');
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ exceptionType: 'RangeError', endpoint: '/async/7' });
  });

  it('reports an error carrying a 5xx status', async () => {
    expect((await get('path', '/payment')).status).toBe(503);
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ exceptionType: 'PaymentError', endpoint: '/payment' });
  });

  it('reports a stream payload that fails before the response has started', async () => {
    expect((await get('path', '/stream-early')).status).toBe(500);
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ errorMessage: 'stream broke', endpoint: '/stream-early' });
  });

  it('does not report successes, 404s, validation errors or errors with a 4xx status', async () => {
    for (const path of ['/ok', '/missing', '/validated?n=x', '/teapot']) await get('path', path);
    await ingest.expectReports(0);
  });

  it("reports routeOptions.url, prefix included, with endpoint: 'route'", async () => {
    await get('route', '/api/orders/9?x=1');
    await get('route', '/sync/7');
    const reports = await ingest.expectReports(2);
    expect(reports.map((report) => report.endpoint).sort()).toEqual(['/api/orders/:id', '/sync/:id']);
  });

  it('lets shouldReport replace the default policy', async () => {
    await get('custom', '/sync/7');
    await get('custom', '/validated?n=x');
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ endpoint: '/validated' });
  });

  it('hooks into the context it is registered in, not into an encapsulated one of its own', async () => {
    const app = Fastify();
    await app.register(async (scope) => {
      await scope.register(sentinelPlugin);
      scope.get('/inner', async () => {
        throw new Error('inner failure');
      });
    });
    app.get('/outer', async () => {
      throw new Error('outer failure');
    });
    await app.inject({ url: '/inner' });
    await app.inject({ url: '/outer' });
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ endpoint: '/inner' });
    await app.close();
  });
});
