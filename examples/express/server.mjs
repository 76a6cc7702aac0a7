// Express app reporting its server errors to Sentinel.
//   node examples/express/server.mjs   then   curl http://127.0.0.1:3000/orders/2   (500, reported)
// SENTINEL_API_KEY and SENTINEL_GATEWAY_URL configure the SDK; PORT the app.
import express from 'express';
import { configure } from 'sentinel-sdk';
import { sentinelErrorHandler } from 'sentinel-sdk/express';

configure({
  apiKey: process.env.SENTINEL_API_KEY ?? 'dev-key',
  githubRepo: 'acme/shop',
  gatewayUrl: process.env.SENTINEL_GATEWAY_URL ?? 'http://127.0.0.1:8787',
});

const orders = new Map([['1', { total: 42 }]]);

const app = express();
app.get('/orders/:id', async (req, res) => {
  await Promise.resolve();
  res.json({ total: orders.get(req.params.id).total }); // TypeError for an unknown id
});
app.use(sentinelErrorHandler({ endpoint: 'route' }));

const port = Number(process.env.PORT ?? 3000);
app.listen(port, '127.0.0.1', () => console.log(`http://127.0.0.1:${port}/orders/2`));
