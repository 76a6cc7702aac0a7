/** @module Refuses requests addressed to a non-loopback host name (DNS rebinding). */
import type { MiddlewareHandler } from 'hono';
import { jsonError } from './errors.js';

const LOOPBACK_IPV4 = /^127(?:\.\d{1,3}){3}$/;

/**
 * Tells whether a host name or address only reaches this machine.
 *
 * @param host - `localhost`, `127.0.0.1`, `::1`, `[::1]`, …
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || LOOPBACK_IPV4.test(name);
}

function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  return hostHeader.split(':')[0] ?? '';
}

/**
 * Middleware for a gateway bound to loopback: a web page on another site could point its
 * own domain at 127.0.0.1 and read the unauthenticated listing endpoints; such requests
 * carry that domain in `Host`, so anything but a loopback name gets 403.
 *
 * @see https://en.wikipedia.org/wiki/DNS_rebinding
 */
export function loopbackHostGuard(): MiddlewareHandler {
  return async function hostGuard(c, next) {
    if (!isLoopbackHost(hostnameOf(c.req.header('host') ?? ''))) {
      return jsonError(c, 403, 'forbidden_host', 'this gateway only answers requests addressed to a loopback host');
    }
    await next();
  };
}
