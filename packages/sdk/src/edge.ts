/** @module sentinel-sdk for runtimes with only web-standard APIs (Vercel Edge, workers): no Node.js module, delivery over `fetch`. */
export { configure } from './configure-edge';
export { captureException, flush, close } from './sdk';
export { scrub } from './scrub';
export { SdkError, InvalidOptionError, isSdkError } from './errors';
export type { SdkErrorCode } from './errors';
export type { EdgeOptions, WaitUntil } from './configure-edge';
export type { SentinelOptions, ExceptionPayload } from './options';
export type { CaptureContext } from './client';
export type { Scrubber } from './scrub';
// No process hook here: these runtimes have no process to hook, and no thread to block at a crash.
