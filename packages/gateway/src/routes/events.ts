/** @module `GET /api/v1/events`: server-sent events telling open pages that reports arrived. */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ChangeFeed } from '../change-feed.js';

/**
 * Creates the event-stream sub-router. Each client first gets a `ready` event, then a
 * `change` event (`{"reports": n}`) whenever reports were stored, coalesced by the feed.
 * The stream ends when the client goes away or the feed closes at shutdown.
 *
 * @param feed - source of change notices
 * @returns a router to mount at `/api/v1/events`
 */
export function createEventRoutes(feed: ChangeFeed): Hono {
  return new Hono().get('/', function streamEvents(c) {
    return streamSSE(c, async (stream) => {
      await new Promise<void>((resolve) => {
        const unsubscribe = feed.subscribe({
          onChange: (change) => void stream.writeSSE({ event: 'change', data: JSON.stringify(change) }),
          onClose: resolve,
        });
        stream.onAbort(() => {
          unsubscribe();
          resolve();
        });
        void stream.writeSSE({ event: 'ready', data: '{}' });
      });
    });
  });
}
