// Hono app (on @hono/node-server) reporting its server errors to Sentinel.
//   node examples/hono/server.mjs   then   curl http://127.0.0.1:3000/orders/2   (500, reported)
// SENTINEL_API_KEY and SENTINEL_GATEWAY_URL configure the SDK; PORT the app.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { configure } from 'sentinel-sdk';
import { sentinelMiddleware } from 'sentinel-sdk/hono';

configure({
  apiKey: process.env.SENTINEL_API_KEY ?? 'dev-key',
  githubRepo: 'acme/shop',
  gatewayUrl: process.env.SENTINEL_GATEWAY_URL ?? 'http://127.0.0.1:8787',
});

const orders = new Map([['1', { total: 42 }]]);

const app = new Hono();
app.use(sentinelMiddleware({ endpoint: 'route' }));
app.get('/orders/:id', (c) => c.json({ total: orders.get(c.req.param('id')).total }));

const port = Number(process.env.PORT ?? 3000);
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => console.log(`http://127.0.0.1:${port}/orders/2`));
