// NestJS app (Express platform) reporting its server errors to Sentinel.
//   node examples/nestjs/server.mjs   then   curl http://127.0.0.1:3000/orders/2   (500, reported)
//                                           curl http://127.0.0.1:3000/orders/x   (404, not reported)
// SENTINEL_API_KEY and SENTINEL_GATEWAY_URL configure the SDK; PORT the app.
// Plain JavaScript: the decorators are applied as calls.
import 'reflect-metadata';
import { Controller, Get, Module, NotFoundException, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configure } from 'sentinel-sdk';
import { SentinelExceptionFilter } from 'sentinel-sdk/nestjs';

configure({
  apiKey: process.env.SENTINEL_API_KEY ?? 'dev-key',
  githubRepo: 'acme/shop',
  gatewayUrl: process.env.SENTINEL_GATEWAY_URL ?? 'http://127.0.0.1:8787',
});

const orders = new Map([['1', { total: 42 }]]);

class OrdersController {
  find(id) {
    if (!/^\d+$/.test(id)) throw new NotFoundException(`no order ${id}`);
    return { total: orders.get(id).total };
  }
}
Controller('orders')(OrdersController);
Get(':id')(OrdersController.prototype, 'find', Object.getOwnPropertyDescriptor(OrdersController.prototype, 'find'));
Param('id')(OrdersController.prototype, 'find', 0);

class AppModule {}
Module({ controllers: [OrdersController] })(AppModule);

const app = await NestFactory.create(AppModule);
app.useGlobalFilters(new SentinelExceptionFilter(app.getHttpAdapter(), { endpoint: 'route' }));
const port = Number(process.env.PORT ?? 3000);
await app.listen(port, '127.0.0.1');
console.log(`http://127.0.0.1:${port}/orders/2`);
