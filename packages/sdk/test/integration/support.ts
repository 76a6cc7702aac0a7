import { Readable } from 'node:stream';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { close, configure, flush } from '../../src/index';
import { createTestGateway, type TestGateway } from '../helpers/test-gateway';

/** One report as the gateway received it: the parsed JSON body. */
export type ReceivedPayload = Record<string, unknown>;

/** What a client sees of a response: status, headers without `date`, body (or how reading it failed). */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Reads a response whole. A body cut short by a destroyed socket reads as `<aborted>`. */
export async function answerOf(response: Response): Promise<Answer> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'date') headers[name] = value;
  });
  let body: string;
  try {
    body = await response.text();
  } catch {
    body = '<aborted>';
  }
  return { status: response.status, headers, body };
}

/** Fetches `path` from `baseUrl` and reads the answer; a request that fails outright reads as status 0. */
export async function fetchAnswer(baseUrl: string, path: string, init?: RequestInit): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(baseUrl + path, init);
  } catch {
    return { status: 0, headers: {}, body: '<no response>' };
  }
  return answerOf(response);
}

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** Serves a request listener on an ephemeral loopback port. */
export async function listen(listener: RequestListener | Server): Promise<Listening> {
  const server = typeof listener === 'function' ? createServer(listener) : listener;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export interface Ingest {
  readonly server: TestGateway;
  /** Waits for exactly `count` reports (none arrive late: the SDK is flushed) and returns them. */
  expectReports(count: number): Promise<ReceivedPayload[]>;
}

/**
 * Starts a loopback gateway for the file and, before each test, clears what it received and
 * configures the SDK afresh to report to it, so that no test inherits another's state (such as
 * the cap on repeats of one error).
 */
export function useIngest(): Ingest {
  let server: TestGateway | undefined;
  beforeAll(async () => {
    server = await createTestGateway();
    const warn = console.warn.bind(console);
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes('configure() called again')) warn(...args);
    });
  });
  beforeEach(() => {
    if (!server) return;
    server.received.length = 0;
    configure({ apiKey: 'test-key', githubRepo: 'acme/shop', gatewayUrl: server.url });
  });
  // Nothing a test captured may land in the next one.
  afterEach(async () => {
    await flush();
  });
  afterAll(async () => {
    await close();
    await server?.close();
    vi.restoreAllMocks();
  });
  return {
    get server() {
      if (!server) throw new Error('test gateway not started');
      return server;
    },
    async expectReports(count) {
      const ingest = this.server;
      if (count > 0) await ingest.waitFor(count);
      expect(await flush()).toBe(true);
      expect(ingest.received).toHaveLength(count);
      return ingest.received.map((request) => request.json);
    },
  };
}

/** One turn of the event loop: lets a report that was (or was not) captured reach the queue. */
export const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A stream that fails, before sending anything or after a first chunk. */
export function failingStream(afterFirstChunk: boolean): Readable {
  const stream = new Readable({ read() {} });
  if (afterFirstChunk) stream.push('first chunk\n');
  setImmediate(() => stream.destroy(new Error('stream broke')));
  return stream;
}
