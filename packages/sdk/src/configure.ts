/** @module `configure` for Node.js and Bun: delivery over `node:http` / `node:https`, spooled reports replayed. */
import { createHttpSend } from './transport/http-send';
import type { SentinelOptions } from './options';
import { configureWith, type Platform } from './sdk';
import { loadBuiltin } from './utils/load-builtin';

const NODE: Platform = {
  // The first report loads the protocol module it needs; importing or configuring loads none.
  createSend: () => createHttpSend(loadBuiltin),
  configured(client) {
    const { spoolDir } = client.options;
    // Loaded only by an application that spools; it runs after start-up, so it need not be at hand.
    if (spoolDir) void import('./crash/replay').then(({ replaySpool }) => replaySpool(spoolDir, client.enqueue)).catch(() => undefined);
  },
};

/**
 * Configures the SDK. Call it once at start-up; a later call replaces the configuration (the
 * previous one still delivers what it had queued) and logs a warning.
 *
 * @param options - at least `apiKey` and `githubRepo`.
 * @throws {@link InvalidOptionError} (a `TypeError`) naming the first invalid option — unless
 *   the SDK is disabled by `enabled: false` or `SENTINEL_ENABLED=false`, which validates nothing.
 * @example
 * configure({ apiKey: process.env.SENTINEL_API_KEY!, githubRepo: 'acme/shop' });
 */
export function configure(options: SentinelOptions): void {
  configureWith(NODE, options);
}
