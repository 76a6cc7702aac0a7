// Plain node:http server reporting its server errors to Sentinel.
//   node examples/http/server.mjs   then   curl http://127.0.0.1:3000/orders/2   (500, reported)
// SENTINEL_API_KEY and SENTINEL_GATEWAY_URL configure the SDK; PORT the server.
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import { configure } from 'sentinel-sdk';
import { wrapRequestHandler } from 'sentinel-sdk/http';

configure({
  apiKey: process.env.SENTINEL_API_KEY ?? 'dev-key',
  githubRepo: 'acme/shop',
  gatewayUrl: process.env.SENTINEL_GATEWAY_URL ?? 'http://127.0.0.1:8787',
});

const orders = new Map([['1', { total: 42 }]]);

// With captureRejections, Node.js answers 500 when the listener's promise rejects.
EventEmitter.captureRejections = true;
const server = createServer(
  wrapRequestHandler(async (req, res) => {
    const id = req.url.split('?')[0].split('/')[2];
    await Promise.resolve();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ total: orders.get(id).total }));
  }),
);

const port = Number(process.env.PORT ?? 3000);
server.listen(port, '127.0.0.1', () => console.log(`http://127.0.0.1:${port}/orders/2`));
