/** @module Default response headers: no sniffing, no framing, no referrer, nothing loadable. */
import type { MiddlewareHandler } from 'hono';

/** Policy for everything but the page: JSON and event streams need to load nothing. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Sets the default security headers before the handler runs; a handler may override them
 * (the page sets its own Content-Security-Policy).
 */
export function securityHeaders(): MiddlewareHandler {
  return async function setSecurityHeaders(c, next) {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    c.header('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
    await next();
  };
}
