import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SinkGateway {
  url: string;
  /** Reports received since start or the last `reset()`. */
  readonly received: number;
  reset(): void;
  close(): void;
}

/** A loopback stand-in for the gateway that counts reports and answers 201, after `delayMs`. */
export async function startSinkGateway(delayMs = 0): Promise<SinkGateway> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      const answer = () => res.writeHead(201, { 'content-type': 'application/json' }).end(`{"exception_id":"e${received}"}`);
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get received() {
      return received;
    },
    reset: () => void (received = 0),
    close: () => void server.close(),
  };
}
