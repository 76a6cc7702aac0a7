// Koa app reporting its server errors to Sentinel.
//   node examples/koa/server.mjs   then   curl http://127.0.0.1:3000/orders/2   (500, reported)
// SENTINEL_API_KEY and SENTINEL_GATEWAY_URL configure the SDK; PORT the app.
import Koa from 'koa';
import { configure } from 'sentinel-sdk';
import { sentinelMiddleware } from 'sentinel-sdk/koa';

configure({
  apiKey: process.env.SENTINEL_API_KEY ?? 'dev-key',
  githubRepo: 'acme/shop',
  gatewayUrl: process.env.SENTINEL_GATEWAY_URL ?? 'http://127.0.0.1:8787',
});

const orders = new Map([['1', { total: 42 }]]);

const app = new Koa();
app.use(sentinelMiddleware());
app.use(async (ctx) => {
  const [, id] = /^\/orders\/([^/]+)$/.exec(ctx.path) ?? [];
  if (id === undefined) ctx.throw(404);
  ctx.body = { total: orders.get(id).total };
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, '127.0.0.1', () => console.log(`http://127.0.0.1:${port}/orders/2`));
