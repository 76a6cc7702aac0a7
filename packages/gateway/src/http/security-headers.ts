/** @module Default response headers: no sniffing, nothing loadable, no cross-origin embedding. */
import type { MiddlewareHandler } from 'hono';

// For everything but the page: JSON and event streams load nothing.
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Sets the default security headers before the handler runs; a handler may override them
 * (the page sets its own Content-Security-Policy and adds what only documents need).
 */
export function securityHeaders(): MiddlewareHandler {
  return async function setSecurityHeaders(c, next) {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    c.header('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
    await next();
  };
}
