/** @module sentinel-sdk: automatic exception capture with PII scrubbing for Node.js services. */
export { configure } from './configure';
export { captureException, flush, close } from './sdk';
export { scrub } from './scrub';
export { installHook, uninstallHook, isHookInstalled } from './integrations/process';
export { SdkError, InvalidOptionError, isSdkError } from './errors';
export type { SdkErrorCode } from './errors';
export type { SentinelOptions, ExceptionPayload } from './options';
export type { CaptureContext } from './client';
export type { Scrubber } from './scrub';
