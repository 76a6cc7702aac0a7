/** @module One HTTP POST to the gateway over node:http / node:https. */
import type * as Http from 'node:http';

/** One delivery attempt. */
export interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** What came back; a network failure or timeout rejects instead. */
export interface SendResponse {
  status: number;
  retryAfter: string | undefined;
  /** The body, read up to 64 KiB: enough for an `exception_id`, bounded against a huge answer. */
  body: string;
}

/** Sends one request. Rejects with an Error whose `code` names the network failure. */
export type Send = (request: SendRequest) => Promise<SendResponse>;

/** Headers of every request to the gateway. */
export function gatewayHeaders(apiKey: string): Record<string, string> {
  return { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'user-agent': 'sentinel-sdk' };
}

/** What a sender needs of `node:http` and `node:https`. */
type HttpModule = Pick<typeof Http, 'Agent' | 'request'>;

/** Loads `node:http` or `node:https`; called on the first request to each protocol. */
export type LoadHttp = (id: 'node:http' | 'node:https') => HttpModule;

/**
 * Creates a sender on keep-alive agents. Its sockets and timers are unref'd: an attempt in
 * progress never keeps a finished process alive (the exit drain decides how long to wait).
 * `node:http` / `node:https` are loaded by the first request that needs them, not before:
 * an `https://` gateway never loads `node:http`, and creating a sender costs nothing.
 *
 * This function must stay self-contained — no reference to anything outside its own body —
 * because its source text also runs inside the crash-delivery worker.
 */
export function createHttpSend(load: LoadHttp): Send {
  const limit = 65_536; // bytes of an answer read, at most
  const agents: Partial<Record<string, Http.Agent>> = {};
  return (request) =>
    new Promise((resolve, reject) => {
      const url = new URL(request.url);
      // A failure to load rejects this attempt like a network error (the executor catches it).
      const protocol = load(url.protocol === 'https:' ? 'node:https' : 'node:http');
      const agent = (agents[url.protocol] ??= new protocol.Agent({ keepAlive: true, maxSockets: 4 }));
      const headers = { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) };
      const req = protocol.request(url, { method: 'POST', headers, agent });
      const timer = setTimeout(() => {
        const error = Object.assign(new Error(`no answer within ${request.timeoutMs} ms`), { code: 'ETIMEDOUT' });
        req.destroy(error);
      }, request.timeoutMs);
      timer.unref();
      const fail = (error: Error): void => {
        clearTimeout(timer);
        reject(error);
      };
      req.on('socket', (socket) => socket.unref());
      req.on('error', fail);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = (): void => {
          clearTimeout(timer);
          const retryAfter = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, retryAfter, body: Buffer.concat(chunks).toString('utf8') });
        };
        res.on('data', (chunk: Buffer) => {
          if (size >= limit) return;
          chunks.push(chunk.subarray(0, limit - size));
          size += chunk.length;
          if (size >= limit) {
            res.destroy();
            done();
          }
        });
        res.on('end', done);
        res.on('error', fail);
      });
      req.end(request.body);
    });
}
