/** @module sentinel-sdk for Cloudflare Workers: the edge build, delivery held open by `waitUntil` of `cloudflare:workers`. */
import * as workers from 'cloudflare:workers';
import { configureEdge, type EdgeOptions } from './configure-edge';

export { captureException, flush, close, scrub, SdkError, InvalidOptionError, isSdkError } from './edge';
export type { SdkErrorCode, EdgeOptions, WaitUntil, SentinelOptions, ExceptionPayload, CaptureContext, Scrubber } from './edge';

/**
 * Configures the SDK in a Cloudflare Worker. Reports in delivery when a response is sent are
 * kept alive with `waitUntil` from `cloudflare:workers`, unless `options.waitUntil` names another.
 *
 * @param options - at least `apiKey` and `githubRepo`.
 * @throws {@link InvalidOptionError} (a `TypeError`) naming the first invalid option.
 * @example
 * import { env } from 'cloudflare:workers';
 * configure({ apiKey: env.SENTINEL_API_KEY, githubRepo: 'acme/shop' });
 */
export function configure(options: EdgeOptions): void {
  configureEdge(options, workers.waitUntil);
}
