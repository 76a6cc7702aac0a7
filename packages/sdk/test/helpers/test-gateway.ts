import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How the gateway answers one request. */
export type Behaviour =
  | { status: number; body?: string; headers?: Record<string, string> }
  | 'hang'
  | 'reset'
  | 'never-end';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: Record<string, unknown>;
  at: number;
}

export interface TestGateway {
  url: string;
  received: ReceivedRequest[];
  /** Answers the next requests with these, in order; then with `fallback`. */
  script(...behaviours: Behaviour[]): void;
  fallback: Behaviour;
  /** Resolves once `count` requests have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/**
 * A loopback HTTP server standing in for the Sentinel gateway. By default it answers 201 with
 * an `exception_id`; scripted behaviours make it fail on purpose.
 */
export async function createTestGateway(): Promise<TestGateway> {
  const received: ReceivedRequest[] = [];
  const scripted: Behaviour[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();
  let next = 0;
  const gateway = {} as TestGateway;
  gateway.fallback = { status: 201 };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        // Recorded as received; the assertion will tell.
      }
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, json, at: Date.now() });
      for (const wake of waiters) wake();
      const behaviour = scripted.shift() ?? gateway.fallback;
      if (behaviour === 'hang') return;
      if (behaviour === 'reset') return void req.socket.destroy();
      if (behaviour === 'never-end') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"exception_id":');
        return;
      }
      const payload = behaviour.body ?? (behaviour.status < 300 ? JSON.stringify({ exception_id: `exc-${++next}` }) : '{}');
      res.writeHead(behaviour.status, { 'content-type': 'application/json', ...behaviour.headers });
      res.end(payload);
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(gateway, {
    url: `http://127.0.0.1:${port}`,
    received,
    script: (...behaviours: Behaviour[]) => void scripted.push(...behaviours),
    waitFor(count: number, timeoutMs = 5000) {
      return new Promise<ReceivedRequest[]>((resolve, reject) => {
        const check = (): void => {
          if (received.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(received);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} requests, got ${received.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
