/** @module Fastify plugin (Fastify 4 and 5). */
import { createReporter, type IntegrationOptions } from './common';
import { FASTIFY_ENDPOINT } from './node-requests';

export type { IntegrationOptions } from './common';

/** The parts of a Fastify request this plugin reads; structural, so Fastify is not needed at run time. */
export interface FastifyRequestLike {
  url?: string;
  originalUrl?: string;
  routeOptions?: { url?: string };
}

/** A Fastify `onError` hook in callback style. */
export type FastifyOnErrorHook = (request: FastifyRequestLike, reply: unknown, error: unknown, done: () => void) => void;

/** The part of a Fastify instance this plugin uses. */
export interface FastifyInstanceLike {
  addHook(name: 'onError', hook: FastifyOnErrorHook): unknown;
}

/** A Fastify plugin in callback style. */
export type SentinelPlugin = (instance: FastifyInstanceLike, options: IntegrationOptions, done: (error?: Error) => void) => void;

function registerSentinel(instance: FastifyInstanceLike, options: IntegrationOptions, done: (error?: Error) => void): void {
  const report = createReporter(options, FASTIFY_ENDPOINT);
  instance.addHook('onError', function sentinelOnError(request, _reply, error, next) {
    report(error, request);
    next();
  });
  done();
}

/**
 * A Fastify plugin that reports server errors from an `onError` hook, the hook Fastify runs
 * before its error handler, which then answers as it would without it. Like a plugin wrapped by
 * fastify-plugin, it opens no encapsulated context of its own: registered on the root instance,
 * it applies to the whole application.
 * Stream payloads that fail before the response has started are reported; Fastify only logs a
 * stream that fails once headers are sent, and passes it to no hook.
 *
 * `endpoint: 'route'` reports `request.routeOptions.url` (`/orders/:id`, with any prefix);
 * requests that matched no route fall back to the path.
 *
 * @example
 * import Fastify from 'fastify';
 * import { configure } from 'sentinel-sdk';
 * import { sentinelPlugin } from 'sentinel-sdk/fastify';
 *
 * configure({ apiKey: process.env.SENTINEL_API_KEY!, githubRepo: 'acme/shop' });
 * const app = Fastify();
 * await app.register(sentinelPlugin, { endpoint: 'route' });
 * @see https://fastify.dev/docs/latest/Reference/Hooks/#onerror
 */
export const sentinelPlugin: SentinelPlugin = Object.assign(registerSentinel, {
  // The markers fastify-plugin sets, read by Fastify itself: `skip-override` registers the plugin
  // in the parent context instead of a new encapsulated one, so that its hook sees every route.
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'sentinel-sdk',
  [Symbol.for('plugin-meta')]: { name: 'sentinel-sdk' },
});
