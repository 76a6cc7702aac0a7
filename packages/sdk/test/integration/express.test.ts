import { Readable, pipeline } from 'node:stream';
import express5, { type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express';
import express4 from 'express4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureException } from '../../src/index';
import { sentinelErrorHandler } from '../../src/middleware/express';
import { fetchAnswer, listen, type Listening, tick, useIngest } from './support';

const ingest = useIngest();

class PaymentError extends Error {
  readonly status = 503;
}

const clientError = (status: number, message: string): Error => Object.assign(new Error(message), { status, expose: true });
/** The same one-file app, bare or with `errorHandler` after the routes and before the app's own. */
function buildApp(express: typeof express5, version: 4 | 5, errorHandler?: ErrorRequestHandler) {
  const app = express();
  app.get('/ok', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/sync/:id', () => {
    throw new TypeError('sync failure');
  });
  if (version === 5) {
    app.get('/async/:id', async () => {
      await tick();
      throw new RangeError('async failure');
    });
  } else {
    // Express 4 does not look at the promise of an async handler: the error goes through next().
    app.get('/async/:id', (_req, _res, next) => {
      tick()
        .then(() => {
          throw new RangeError('async failure');
        })
        .catch(next);
    });
  }
  app.get('/bad-request', (_req, _res, next) => next(clientError(400, 'missing field')));
  app.get('/teapot', () => {
    throw clientError(418, 'short and stout');
  });
  app.get('/payment', () => {
    throw new PaymentError('card processor down');
  });
  app.get('/stream', (_req, res, next) => {
    const source = new Readable({ read() {} });
    res.setHeader('content-type', 'text/plain');
    pipeline(source, res, (error) => error && next(error));
    source.push('first chunk\n');
    setImmediate(() => source.destroy(new Error('stream broke')));
  });
  const api = express.Router();
  api.get('/orders/:id', () => {
    throw new Error('order lookup failed');
  });
  app.use('/api', api);
  if (errorHandler) app.use(errorHandler);
  return app;
}

const PATHS = ['/ok', '/sync/7?card=4111', '/async/7', '/bad-request', '/teapot', '/payment', '/api/orders/9', '/missing'];

describe.each([
  { version: 5 as const, express: express5 },
  { version: 4 as const, express: express4 },
])('Express $version', ({ version, express }) => {
  const servers: Record<'bare' | 'path' | 'route' | 'custom', Listening | undefined> = { bare: undefined, path: undefined, route: undefined, custom: undefined };
  const url = (name: keyof typeof servers): string => servers[name]?.url ?? '';

  beforeAll(async () => {
    servers.bare = await listen(buildApp(express, version));
    servers.path = await listen(buildApp(express, version, sentinelErrorHandler()));
    servers.route = await listen(buildApp(express, version, sentinelErrorHandler({ endpoint: 'route' })));
    servers.custom = await listen(
      buildApp(express, version, sentinelErrorHandler({ shouldReport: (error) => (error as { status?: number }).status === 400 })),
    );
  });
  afterAll(async () => {
    await Promise.all(Object.values(servers).map((server) => server?.close()));
  });

  it('answers every request exactly as the same app without it', async () => {
    for (const path of [...PATHS, '/stream']) {
      expect(await fetchAnswer(url('path'), path), path).toEqual(await fetchAnswer(url('bare'), path));
    }
  });

  it('reports a synchronous throw once, with the path and no query string', async () => {
    const answer = await fetchAnswer(url('path'), '/sync/7?card=4111');
    expect(answer.status).toBe(500);
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ exceptionType: 'TypeError', errorMessage: 'sync failure', endpoint: '/sync/7', githubRepo: 'acme/shop', language: 'typescript' });
  });

  it('reports an error raised after an await', async () => {
    expect((await fetchAnswer(url('path'), '/async/7')).status).toBe(500);
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ exceptionType: 'RangeError', endpoint: '/async/7' });
  });

  it('reports an error carrying a 5xx status', async () => {
    expect((await fetchAnswer(url('path'), '/payment')).status).toBe(503);
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ exceptionType: 'PaymentError', endpoint: '/payment' });
  });

  it('reports a streamed response that fails after its headers are sent', async () => {
    const answer = await fetchAnswer(url('path'), '/stream');
    expect(answer.status).toBe(200);
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ errorMessage: 'stream broke', endpoint: '/stream' });
  });

  it('does not report successes, 404s or errors with a 4xx status', async () => {
    for (const path of ['/ok', '/missing', '/bad-request', '/teapot']) await fetchAnswer(url('path'), path);
    await ingest.expectReports(0);
  });

  it("reports the route template, with its router's mount path, with endpoint: 'route'", async () => {
    await fetchAnswer(url('route'), '/api/orders/9?x=1');
    await fetchAnswer(url('route'), '/sync/7');
    const reports = await ingest.expectReports(2);
    expect(reports.map((report) => report.endpoint).sort()).toEqual(['/api/orders/:id', '/sync/:id']);
  });

  it('reports an error once when the application captures it too', async () => {
    const app = express();
    app.get('/twice', () => {
      throw new Error('captured twice');
    });
    app.use(sentinelErrorHandler());
    app.use((error: Error, _req: Request, _res: Response, next: NextFunction) => {
      void captureException(error, { endpoint: '/elsewhere' });
      next(error);
    });
    const server = await listen(app);
    try {
      await fetchAnswer(server.url, '/twice');
      const [report] = await ingest.expectReports(1);
      expect(report).toMatchObject({ errorMessage: 'captured twice', endpoint: '/twice' });
    } finally {
      await server.close();
    }
  });

  it('lets shouldReport replace the default policy', async () => {
    await fetchAnswer(url('custom'), '/sync/7');
    await fetchAnswer(url('custom'), '/bad-request');
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ errorMessage: 'missing field', endpoint: '/bad-request' });
  });
});

describe('sentinelErrorHandler options', () => {
  it('rejects an unknown endpoint mode and a shouldReport that is not a function', () => {
    expect(() => sentinelErrorHandler({ endpoint: 'template' as 'route' })).toThrow("sentinel-sdk – endpoint must be 'path' or 'route'");
    expect(() => sentinelErrorHandler({ shouldReport: true as never })).toThrow('sentinel-sdk – shouldReport must be a function');
  });

  it('is a named four-argument function, as Express requires of an error handler', () => {
    const handler = sentinelErrorHandler();
    expect(handler).toHaveLength(4);
    expect(handler.name).toBe('sentinelExpressErrorHandler');
  });
});
