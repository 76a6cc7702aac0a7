// A small node:http service reporting to Sentinel.
//   node examples/demo-service.mjs         serves /checkout and /orders/:id, both failing (500)
//   node examples/demo-service.mjs crash   throws from a timer: the process dies, the hook reports it
// Configuration comes from SENTINEL_API_KEY and SENTINEL_GATEWAY_URL.
import { createServer } from 'node:http';
import { captureException, configure, flush, installHook } from 'sentinel-sdk';

configure({
  apiKey: process.env.SENTINEL_API_KEY ?? '',
  githubRepo: 'acme/demo-shop',
  gatewayUrl: process.env.SENTINEL_GATEWAY_URL ?? 'http://127.0.0.1:8787',
});
installHook();

class PaymentDeclinedError extends Error {
  constructor(message) {
    super(message);
    this.name = 'PaymentDeclinedError';
  }
}

class InventoryError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InventoryError';
  }
}

const orders = new Map([['1', { total: 42 }]]);

function chargeCard(customer) {
  throw new PaymentDeclinedError(`card ${customer.card} declined for ${customer.email}`);
}

function orderTotal(id) {
  return orders.get(id).total.toFixed(2);
}

function reserveStock(sku) {
  throw new InventoryError(`stock for ${sku} went negative`);
}

function handle(path) {
  if (path === '/health') return { ok: true };
  if (path === '/checkout') return chargeCard({ email: 'jane.doe@example.com', card: '4111 1111 1111 1111' });
  const order = /^\/orders\/([^/]+)$/.exec(path);
  if (order) return { total: orderTotal(order[1]) };
  return undefined;
}

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://service.local').pathname;
  try {
    const body = handle(path);
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'not found' }));
  } catch (error) {
    // Reporting happens in the background; the response does not wait for the gateway.
    void captureException(error, { endpoint: path });
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'internal error' }));
  }
});

if (process.argv[2] === 'crash') {
  setTimeout(() => reserveStock('sku-1042'), 20);
} else {
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    console.log(`demo service listening on http://127.0.0.1:${server.address().port}`);
  });
  process.once('SIGTERM', async () => {
    server.close();
    await flush(5000);
    process.exit(0);
  });
}
