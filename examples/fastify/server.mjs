// Fastify app reporting its server errors to Sentinel.
//   node examples/fastify/server.mjs   then   curl http://127.0.0.1:3000/orders/2   (500, reported)
// SENTINEL_API_KEY and SENTINEL_GATEWAY_URL configure the SDK; PORT the app.
import Fastify from 'fastify';
import { configure } from 'sentinel-sdk';
import { sentinelPlugin } from 'sentinel-sdk/fastify';

configure({
  apiKey: process.env.SENTINEL_API_KEY ?? 'dev-key',
  githubRepo: 'acme/shop',
  gatewayUrl: process.env.SENTINEL_GATEWAY_URL ?? 'http://127.0.0.1:8787',
});

const orders = new Map([['1', { total: 42 }]]);

const app = Fastify();
await app.register(sentinelPlugin, { endpoint: 'route' });
app.get('/orders/:id', async (request) => ({ total: orders.get(request.params.id).total }));

const port = Number(process.env.PORT ?? 3000);
await app.listen({ port, host: '127.0.0.1' });
console.log(`http://127.0.0.1:${port}/orders/2`);
