import 'reflect-metadata';
import { BadRequestException, Controller, Get, HttpException, Module, NotFoundException, type INestApplication, type Provider } from '@nestjs/common';
import { APP_FILTER, BaseExceptionFilter, HttpAdapterHost, NestFactory } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SentinelExceptionFilter } from '../../src/middleware/nestjs';
import { fetchAnswer, tick, useIngest } from './support';

const ingest = useIngest();

class PaymentError extends Error {
  readonly status = 503;
}

class OrdersController {
  ok() {
    return { ok: true };
  }
  fail() {
    throw new TypeError('sync failure');
  }
  async failLater() {
    await tick();
    throw new RangeError('async failure');
  }
  missing() {
    throw new NotFoundException('no such order');
  }
  invalid() {
    throw new BadRequestException('missing field');
  }
  unavailable() {
    throw new HttpException('try later', 503);
  }
  payment() {
    throw new PaymentError('card processor down');
  }
}

// Decorators applied as plain calls: the test build does not compile decorator syntax.
Controller('orders')(OrdersController);
const ROUTES: Record<string, keyof OrdersController> = {
  ok: 'ok',
  'sync/:id': 'fail',
  'async/:id': 'failLater',
  missing: 'missing',
  invalid: 'invalid',
  unavailable: 'unavailable',
  payment: 'payment',
};
for (const [path, method] of Object.entries(ROUTES)) {
  Get(path)(OrdersController.prototype, method, Object.getOwnPropertyDescriptor(OrdersController.prototype, method) as PropertyDescriptor);
}

type Setup = 'bare' | 'global' | 'route' | 'provider' | 'factory';

/** The same app: bare, with the filter in useGlobalFilters (without or with options), as an APP_FILTER class, or from an APP_FILTER factory. */
async function start(setup: Setup): Promise<{ app: INestApplication; url: string }> {
  const providers: Provider[] = [];
  if (setup === 'provider') providers.push({ provide: APP_FILTER, useClass: SentinelExceptionFilter });
  if (setup === 'factory') {
    providers.push({
      provide: APP_FILTER,
      inject: [HttpAdapterHost],
      useFactory: ({ httpAdapter }: HttpAdapterHost) =>
        new SentinelExceptionFilter(httpAdapter, { endpoint: 'route', shouldReport: (error) => !(error instanceof TypeError) }),
    });
  }
  class AppModule {}
  Module({ controllers: [OrdersController], providers })(AppModule);

  const app = await NestFactory.create(AppModule, { logger: false });
  app.setGlobalPrefix('api');
  if (setup === 'global') app.useGlobalFilters(new SentinelExceptionFilter(app.getHttpAdapter()));
  if (setup === 'route') app.useGlobalFilters(new SentinelExceptionFilter(app.getHttpAdapter(), { endpoint: 'route' }));
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

describe('NestJS SentinelExceptionFilter (Express platform)', () => {
  const apps = {} as Record<Setup, { app: INestApplication; url: string }>;

  beforeAll(async () => {
    for (const setup of ['bare', 'global', 'route', 'provider', 'factory'] as const) apps[setup] = await start(setup);
  });
  afterAll(async () => {
    await Promise.all(Object.values(apps).map(({ app }) => app.close()));
  });

  it('is a BaseExceptionFilter, so that Nest treats it as its own', () => {
    expect(new SentinelExceptionFilter()).toBeInstanceOf(BaseExceptionFilter);
  });

  it("answers every request exactly as Nest's default handling, registered either way", async () => {
    const paths = ['/api/orders/ok', '/api/orders/sync/7?card=4111', '/api/orders/async/7', '/api/orders/missing', '/api/orders/invalid', '/api/orders/unavailable', '/api/orders/payment', '/api/nowhere'];
    for (const path of paths) {
      const expected = await fetchAnswer(apps.bare.url, path);
      expect(await fetchAnswer(apps.global.url, path), path).toEqual(expected);
      expect(await fetchAnswer(apps.provider.url, path), path).toEqual(expected);
    }
  });

  it.each(['global', 'provider'] as const)('reports a plain error and an async error once each, with the path (%s)', async (setup) => {
    expect((await fetchAnswer(apps[setup].url, '/api/orders/sync/7?card=4111')).status).toBe(500);
    await fetchAnswer(apps[setup].url, '/api/orders/async/8');
    const reports = await ingest.expectReports(2);
    expect(reports.map(({ exceptionType, endpoint }) => ({ exceptionType, endpoint }))).toEqual(
      expect.arrayContaining([
        { exceptionType: 'TypeError', endpoint: '/api/orders/sync/7' },
        { exceptionType: 'RangeError', endpoint: '/api/orders/async/8' },
      ]),
    );
  });

  it('reports exceptions with a 5xx status', async () => {
    expect((await fetchAnswer(apps.global.url, '/api/orders/unavailable')).status).toBe(503);
    expect((await fetchAnswer(apps.global.url, '/api/orders/payment')).status).toBe(500);
    const reports = await ingest.expectReports(2);
    expect(reports.map((report) => report.exceptionType).sort()).toEqual(['HttpException', 'PaymentError']);
  });

  it('does not report successes, unknown routes, or 404 and 400 HttpExceptions', async () => {
    for (const path of ['/api/orders/ok', '/api/nowhere', '/api/orders/missing', '/api/orders/invalid']) await fetchAnswer(apps.global.url, path);
    await ingest.expectReports(0);
  });

  it("takes options from a factory provider: endpoint: 'route' and shouldReport", async () => {
    await fetchAnswer(apps.factory.url, '/api/orders/sync/7');
    await fetchAnswer(apps.factory.url, '/api/orders/async/9');
    expect((await fetchAnswer(apps.factory.url, '/api/orders/invalid?x=1')).status).toBe(400);
    const reports = await ingest.expectReports(2);
    expect(reports.map(({ exceptionType, endpoint }) => ({ exceptionType, endpoint }))).toEqual(
      expect.arrayContaining([
        { exceptionType: 'RangeError', endpoint: '/api/orders/async/:id' },
        { exceptionType: 'BadRequestException', endpoint: '/api/orders/invalid' },
      ]),
    );
  });

  it("reports the route template, global prefix included, with endpoint: 'route'", async () => {
    await fetchAnswer(apps.route.url, '/api/orders/sync/7?x=1');
    const [report] = await ingest.expectReports(1);
    expect(report).toMatchObject({ endpoint: '/api/orders/sync/:id' });
  });
});
