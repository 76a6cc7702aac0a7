/** @module NestJS global exception filter. */
import { createRequire } from 'node:module';
import { createReporter, type IntegrationOptions, type Reporter } from './common';
import { NEST_ENDPOINT } from './node-requests';

export type { IntegrationOptions } from './common';

/** The part of Nest's `ArgumentsHost` the filter reads. */
export interface ArgumentsHostLike {
  getType(): string;
  getArgByIndex(index: number): unknown;
}

/** The part of Nest's HTTP adapter (`app.getHttpAdapter()`) that `BaseExceptionFilter` answers through. */
export interface HttpAdapterLike {
  reply(response: unknown, body: unknown, statusCode?: number): unknown;
  isHeadersSent(response: unknown): boolean;
  end(response: unknown, message?: string): unknown;
}

interface BaseExceptionFilterLike {
  catch(exception: unknown, host: ArgumentsHostLike): void;
}

type BaseExceptionFilterClass = new (applicationRef?: HttpAdapterLike) => BaseExceptionFilterLike;

/**
 * Nest's `BaseExceptionFilter`, loaded without a static import so that this module loads when
 * Nest is absent. Extending the real class keeps Nest's answers, and lets Nest's injector set
 * the `httpAdapterHost` property the base class declares when the filter is an `APP_FILTER`.
 * An ESM-only Nest (12 and later) is loaded through `require(esm)`: Node.js 20.19 or 22.12 and later.
 */
const NestBaseExceptionFilter: BaseExceptionFilterClass = loadBaseExceptionFilter();

function loadBaseExceptionFilter(): BaseExceptionFilterClass {
  let reason: unknown;
  try {
    const core = createRequire(import.meta.url)('@nestjs/core') as { BaseExceptionFilter?: unknown };
    if (typeof core.BaseExceptionFilter === 'function') return core.BaseExceptionFilter as BaseExceptionFilterClass;
  } catch (error) {
    reason = error;
  }
  return class {
    constructor() {
      throw new TypeError('sentinel-sdk – SentinelExceptionFilter needs @nestjs/core, which could not be loaded', { cause: reason });
    }
  } as unknown as BaseExceptionFilterClass;
}

/**
 * A global exception filter that reports server errors, then lets Nest's `BaseExceptionFilter`,
 * which it extends, answer exactly as Nest does without it. It catches every exception, like any
 * filter without `@Catch()` arguments; put more specific filters after it in `useGlobalFilters`
 * (Nest tries the last one first) or in controllers. Outside HTTP (GraphQL and other external
 * contexts) it reports and throws the exception again, as Nest's own filter for those contexts does.
 *
 * `endpoint: 'route'` reports the route template Express (`req.route.path`) or Fastify
 * (`request.routeOptions.url`) matched, with global prefix and controller path: `/api/orders/:id`;
 * requests that matched no route fall back to the path.
 *
 * @example
 * // main.ts
 * const app = await NestFactory.create(AppModule);
 * app.useGlobalFilters(new SentinelExceptionFilter(app.getHttpAdapter()));
 *
 * // or in a module's providers, where Nest gives the filter the HTTP adapter:
 * providers: [{ provide: APP_FILTER, useClass: SentinelExceptionFilter }]
 * // the same, with options:
 * providers: [{
 *   provide: APP_FILTER,
 *   inject: [HttpAdapterHost],
 *   useFactory: ({ httpAdapter }: HttpAdapterHost) => new SentinelExceptionFilter(httpAdapter, { endpoint: 'route' }),
 * }]
 * @see https://docs.nestjs.com/exception-filters#inheritance
 */
export class SentinelExceptionFilter extends NestBaseExceptionFilter {
  readonly #report: Reporter<unknown>;

  /**
   * @param applicationRef - the HTTP adapter, `app.getHttpAdapter()`; omitted when Nest creates the filter.
   * @param options - `endpoint` (`'path'` or `'route'`) and `shouldReport`.
   * @throws {@link InvalidOptionError} when an option has the wrong type; a `TypeError` when
   *   `@nestjs/core` could not be loaded.
   */
  constructor(applicationRef?: HttpAdapterLike, options?: IntegrationOptions) {
    super(applicationRef);
    this.#report = createReporter(options, NEST_ENDPOINT);
  }

  /** Reports `exception`, then answers as `BaseExceptionFilter` does. */
  override catch(exception: unknown, host: ArgumentsHostLike): void {
    const isHttp = host.getType() === 'http';
    this.#report(exception, isHttp ? host.getArgByIndex(0) : undefined);
    if (!isHttp) throw exception;
    super.catch(exception, host);
  }
}
