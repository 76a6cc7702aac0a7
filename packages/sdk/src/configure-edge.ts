/** @module `configure` for runtimes with only web-standard APIs: delivery over `fetch`, held open by `waitUntil`. */
import { InvalidOptionError } from './errors';
import { createFetchSend } from './transport/fetch-send';
import type { Send } from './transport/http-send';
import type { SentinelOptions } from './options';
import { configureWith, flush, type Platform } from './sdk';

/** Extends the current invocation until `promise` settles: the runtime's `waitUntil`. */
export type WaitUntil = (promise: Promise<unknown>) => void;

/** Options of the edge build's `configure`: those of every build, and `waitUntil`. */
export interface EdgeOptions extends SentinelOptions {
  /**
   * The runtime's `waitUntil`, so that a report still in delivery (or waiting for a retry)
   * when the response is sent is not cancelled with the invocation: `waitUntil` from
   * `@vercel/functions` on Vercel. Under `workerd`, the one of `cloudflare:workers` is the default.
   */
  waitUntil?: WaitUntil;
}

let keepAlive: WaitUntil | undefined;

const EDGE: Platform = {
  createSend(): Send {
    const send = createFetchSend();
    return (request) => {
      const answer = send(request);
      try {
        // flush() settles once every queued report, retries included, is delivered or given up.
        keepAlive?.(flush());
      } catch {
        // Outside an invocation there is nothing to extend.
      }
      return answer;
    };
  },
  configured() {},
};

/** The edge `configure`, with the `waitUntil` to use when `options` names none. */
export function configureEdge(options: EdgeOptions, defaultWaitUntil: WaitUntil | undefined): void {
  const waitUntil = options?.waitUntil ?? defaultWaitUntil;
  if (waitUntil !== undefined && typeof waitUntil !== 'function') throw new InvalidOptionError('waitUntil', 'must be a function');
  keepAlive = waitUntil;
  configureWith(EDGE, options);
}

/**
 * Configures the SDK in a runtime with only web-standard APIs. Call it once, at start-up or in
 * the first request; a later call replaces the configuration and logs a warning.
 *
 * @param options - at least `apiKey` and `githubRepo`; `waitUntil` where the runtime offers one.
 * @throws {@link InvalidOptionError} (a `TypeError`) naming the first invalid option.
 * @example
 * import { waitUntil } from '@vercel/functions';
 * configure({ apiKey: process.env.SENTINEL_API_KEY!, githubRepo: 'acme/shop', waitUntil });
 */
export function configure(options: EdgeOptions): void {
  configureEdge(options, undefined);
}
