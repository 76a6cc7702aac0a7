import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wrapRequestHandler } from '../../src/middleware/http';
import { fetchAnswer, listen, type Listening, tick, useIngest } from './support';

const ingest = useIngest();

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = req.url?.split('?')[0];
  if (path === '/ok') {
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
    return;
  }
  if (path === '/async/7') {
    await tick();
    throw new RangeError('async failure');
  }
  if (path === '/payment') throw Object.assign(new Error('card processor down'), { status: 503 });
  if (path === '/bad-request') throw Object.assign(new Error('missing field'), { status: 400, expose: true });
  if (path === '/stream') {
    const source = new Readable({ read() {} });
    source.push('first chunk\n');
    setImmediate(() => source.destroy(new Error('stream broke')));
    await pipeline(source, res);
    return;
  }
  res.statusCode = 404;
  res.end('not found');
}

/**
 * A server whose emitter captures rejected listener promises, so that Node.js answers 500 (or
 * destroys a response already started) instead of leaving an unhandled rejection.
 */
function capturingServer(listener: (req: IncomingMessage, res: ServerResponse) => unknown): Server {
  const previous = EventEmitter.captureRejections;
  EventEmitter.captureRejections = true;
  try {
    return createServer(listener);
  } finally {
    EventEmitter.captureRejections = previous;
  }
}

describe('node:http wrapRequestHandler', () => {
  const servers: Record<'bare' | 'wrapped' | 'custom', Listening | undefined> = { bare: undefined, wrapped: undefined, custom: undefined };
  const url = (name: keyof typeof servers): string => servers[name]?.url ?? '';

  beforeAll(async () => {
    servers.bare = await listen(capturingServer(handle));
    servers.wrapped = await listen(capturingServer(wrapRequestHandler(handle)));
    servers.custom = await listen(capturingServer(wrapRequestHandler(handle, { shouldReport: (error) => (error as { status?: number }).status === 400 })));
  });
  afterAll(async () => {
    await Promise.all(Object.values(servers).map((server) => server?.close()));
  });

  it('answers every request exactly as the same server without it', async () => {
    for (const path of ['/ok', '/async/7?card=4111', '/payment', '/bad-request', '/stream', '/missing']) {
      expect(await fetchAnswer(url('wrapped'), path), path).toEqual(await fetchAnswer(url('bare'), path));
    }
  });

  it('reports a rejection once, with the path and no query string', async () => {
    expect((await fetchAnswer(url('wrapped'), '/async/7?card=4111')).status).toBe(500);
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ exceptionType: 'RangeError', errorMessage: 'async failure', endpoint: '/async/7' });
  });

  it('reports a streamed response that fails, when the handler awaits its pipeline', async () => {
    await fetchAnswer(url('wrapped'), '/stream');
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ errorMessage: 'stream broke', endpoint: '/stream' });
  });

  it('reports an error carrying a 5xx status, and neither successes nor 4xx errors', async () => {
    for (const path of ['/ok', '/missing', '/bad-request', '/payment']) await fetchAnswer(url('wrapped'), path);
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ errorMessage: 'card processor down', endpoint: '/payment' });
  });

  it('lets shouldReport replace the default policy', async () => {
    await fetchAnswer(url('custom'), '/async/7');
    await fetchAnswer(url('custom'), '/bad-request');
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ errorMessage: 'missing field', endpoint: '/bad-request' });
  });

  it('reports a synchronous throw and throws the same error on', async () => {
    const failure = new TypeError('sync failure');
    const wrapped = wrapRequestHandler(() => {
      throw failure;
    });
    expect(() => wrapped({ url: '/sync/7?x=1' }, undefined)).toThrow(failure);
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ exceptionType: 'TypeError', endpoint: '/sync/7' });
  });

  it("passes the listener's this, arguments and result through untouched", async () => {
    const server = { name: 'server' };
    const request = { url: '/' };
    const response = { sent: false };
    const wrapped = wrapRequestHandler(function (this: typeof server, req: typeof request, res: typeof response) {
      return [this, req, res] as const;
    });
    expect(wrapped.call(server, request, response)).toEqual([server, request, response]);
    const rejection = new Error('kept');
    const failing = wrapRequestHandler(async () => {
      throw rejection;
    });
    await expect(failing({ url: '/kept' }, undefined)).rejects.toBe(rejection);
    await ingest.expectReports(1);
  });
});
