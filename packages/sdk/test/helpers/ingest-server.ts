import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One report as the ingest server received it: the parsed JSON body. */
export type ReceivedPayload = Record<string, unknown>;

export interface IngestServer {
  /** Base URL to configure as `gatewayUrl`, on 127.0.0.1. */
  url: string;
  /** Parsed bodies of the reports received so far, in arrival order. */
  received: ReceivedPayload[];
  /** Resolves with `received` once it holds at least `count` reports; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedPayload[]>;
  close(): Promise<void>;
}

/**
 * A loopback HTTP server standing in for the gateway: it records each POSTed JSON body and
 * answers 201 `{"exception_id": "<uuid>"}`.
 */
export async function createIngestServer(): Promise<IngestServer> {
  const received: ReceivedPayload[] = [];
  const waiters = new Set<() => void>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let payload: ReceivedPayload;
      try {
        payload = JSON.parse(body) as ReceivedPayload;
      } catch {
        payload = { unparsedBody: body };
      }
      received.push(payload);
      for (const wake of waiters) wake();
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ exception_id: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (received.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(received);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`ingest server: ${received.length} of ${count} reports after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
