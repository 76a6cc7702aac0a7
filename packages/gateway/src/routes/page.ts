/** @module `GET /`: the web page, one self-contained document. */
import { Hono } from 'hono';
import type { RenderedPage } from '../ui/page.js';

/**
 * Creates the page sub-router.
 *
 * @param page - the document and the Content-Security-Policy that admits exactly its inline code
 * @returns a router to mount at `/`
 */
export function createPageRoutes(page: RenderedPage): Hono {
  return new Hono().get('/', function servePage(c) {
    c.header('Content-Security-Policy', page.contentSecurityPolicy);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    // For browsers without CSP frame-ancestors.
    c.header('X-Frame-Options', 'DENY');
    return c.html(page.html);
  });
}
