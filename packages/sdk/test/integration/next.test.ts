import { notFound, redirect } from 'next/navigation';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { createOnRequestError, onRequestError, type RequestErrorContext, withSentinel } from '../../src/middleware/next';
import { tick, useIngest } from './support';

const ingest = useIngest();

type RouteContext = { params: Promise<{ id: string }> };

const context: RouteContext = { params: Promise.resolve({ id: '7' }) };
const request = (path: string): Request => new Request(`http://localhost:3000${path}`);

/** Runs a route handler as Next.js would, and tells how it ended. */
async function outcome(run: () => unknown): Promise<{ value: unknown } | { error: unknown }> {
  try {
    return { value: await run() };
  } catch (error) {
    return { error };
  }
}

describe('Next.js withSentinel', () => {
  it("returns the handler's own Response and reports nothing on success", async () => {
    const response = Response.json({ ok: true });
    const GET = withSentinel(async (_request: Request, { params }: RouteContext) => {
      await params;
      return response;
    });
    expect(await GET(request('/orders/7'), context)).toBe(response);
    await ingest.expectReports(0);
  });

  it('throws what the handler throws, unchanged, and reports it with the path', async () => {
    const failure = new TypeError('sync failure');
    const handler = (): Response => {
      throw failure;
    };
    const bare = await outcome(() => handler());
    const wrapped = await outcome(() => withSentinel(handler)(request('/orders/7?card=4111#top'), context));
    expect(wrapped).toEqual(bare);
    expect(wrapped).toEqual({ error: failure });
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ exceptionType: 'TypeError', errorMessage: 'sync failure', endpoint: '/orders/7' });
  });

  it('reports a rejection raised after an await, and rejects with it', async () => {
    const failure = new RangeError('async failure');
    const GET = withSentinel(async (_request: NextRequest) => {
      await tick();
      throw failure;
    });
    await expect(GET(new NextRequest('http://localhost:3000/orders/8?x=1'), context)).rejects.toBe(failure);
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ exceptionType: 'RangeError', endpoint: '/orders/8' });
  });

  it('lets notFound(), redirect() and 4xx errors through without reporting them', async () => {
    const thrown: unknown[] = [];
    const handlers = [() => notFound(), () => redirect('/login'), () => Promise.reject(Object.assign(new Error('missing field'), { status: 400 }))];
    for (const handler of handlers) {
      const result = await outcome(() => withSentinel(handler)(request('/orders/7'), context));
      thrown.push('error' in result ? result.error : undefined);
    }
    expect(thrown.map((error) => (error as { digest?: string }).digest ?? (error as Error).message)).toEqual([
      'NEXT_HTTP_ERROR_FALLBACK;404',
      'NEXT_REDIRECT;replace;/login;307;',
      'missing field',
    ]);
    await ingest.expectReports(0);
  });

  it("reports the path with endpoint: 'route', as a route handler is not told its template", async () => {
    const GET = withSentinel(
      () => {
        throw new Error('no template');
      },
      { endpoint: 'route' },
    );
    await outcome(() => GET(request('/orders/7'), context));
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ endpoint: '/orders/7' });
  });

  it('lets shouldReport replace the default policy, but never reports control flow', async () => {
    const options = { shouldReport: () => true };
    await outcome(() => withSentinel(() => Promise.reject(Object.assign(new Error('missing field'), { status: 400 })), options)(request('/a'), context));
    await outcome(() => withSentinel(() => notFound(), options)(request('/b'), context));
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ errorMessage: 'missing field', endpoint: '/a' });
  });
});

describe('Next.js onRequestError', () => {
  const nextRequest = { path: '/orders/7?card=4111', method: 'GET', headers: { host: 'localhost:3000' } };
  const routeContext: RequestErrorContext = { routerKind: 'App Router', routePath: '/orders/[id]', routeType: 'route', revalidateReason: undefined };

  it('reports the error with the path, and returns at once', async () => {
    expect(onRequestError(new Error('render failed'), nextRequest, { ...routeContext, routeType: 'render', renderSource: 'server-rendering' })).toBeUndefined();
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ errorMessage: 'render failed', endpoint: '/orders/7' });
  });

  it("reports context.routePath with endpoint: 'route'", async () => {
    createOnRequestError({ endpoint: 'route' })(new Error('route failed'), nextRequest, routeContext);
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ endpoint: '/orders/[id]' });
  });

  it('does not report control flow or 4xx errors', async () => {
    const redirectError = await outcome(() => redirect('/login'));
    onRequestError('error' in redirectError ? redirectError.error : undefined, nextRequest, routeContext);
    onRequestError(Object.assign(new Error('gone'), { statusCode: 410 }), nextRequest, routeContext);
    await ingest.expectReports(0);
  });

  it('sends one report for an error seen by both withSentinel and onRequestError', async () => {
    const failure = new Error('seen twice');
    await outcome(() =>
      withSentinel(() => {
        throw failure;
      })(request('/orders/7'), context),
    );
    onRequestError(failure, nextRequest, routeContext);
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ errorMessage: 'seen twice', endpoint: '/orders/7' });
  });
});
