/** @module Raw event → the seven-field contract payload, scrubbed and capped. */
import { describeError } from './event';
import type { ExceptionPayload } from './options';
import { scrub, scrubStackAndMessage } from './scrub';
import { SCRUB_MARGIN, capScrubbed, scrubCapped, scrubWindow } from './utils/cap-text';
import { formatTimestamp } from './utils/timestamp';

/** Caps, in characters, that keep a report far below the gateway's 1 MB body limit. */
export const MAX_MESSAGE_LENGTH = 8 * 1024;
export const MAX_STACK_LENGTH = 64 * 1024;
const MAX_ENDPOINT_LENGTH = 2 * 1024;

export interface PayloadContext {
  githubRepo: string;
  endpoint: string;
  scrub: (text: string) => string;
  now: number;
}

/** Builds the contract payload of any thrown value. Never throws for any `error`. */
export function buildPayload(error: unknown, context: PayloadContext): ExceptionPayload {
  const raw = describeError(error, MAX_STACK_LENGTH + SCRUB_MARGIN);
  const message = scrubWindow(raw.errorMessage, MAX_MESSAGE_LENGTH);
  const stack = scrubWindow(raw.stackTrace, MAX_STACK_LENGTH);
  // With the built-in rules alone, the message comes out of the stack's scan where it can.
  const [scrubbedStack, scrubbedMessage] = context.scrub === scrub ? scrubStackAndMessage(stack, message) : [context.scrub(stack), context.scrub(message)];
  return {
    exceptionType: raw.exceptionType,
    errorMessage: capScrubbed(scrubbedMessage, MAX_MESSAGE_LENGTH, message.length < raw.errorMessage.length),
    stackTrace: capScrubbed(scrubbedStack, MAX_STACK_LENGTH, stack.length < raw.stackTrace.length),
    endpoint: scrubCapped(pathOnly(context.endpoint), MAX_ENDPOINT_LENGTH, context.scrub),
    timestamp: formatTimestamp(context.now),
    githubRepo: context.githubRepo,
    language: 'typescript',
  };
}

/**
 * Re-applies scrubbing and caps to a payload returned by `beforeSend`, and keeps only the
 * contract's fields. Returns `undefined` when the value is not a payload at all.
 */
export function sanitizePayload(value: unknown, original: ExceptionPayload, scrubText: (text: string) => string): ExceptionPayload | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<Record<keyof ExceptionPayload, unknown>>;
  const text = (key: keyof ExceptionPayload): string => (typeof v[key] === 'string' ? (v[key] as string) : original[key]);
  return {
    exceptionType: text('exceptionType').slice(0, 256),
    errorMessage: scrubCapped(text('errorMessage'), MAX_MESSAGE_LENGTH, scrubText),
    stackTrace: scrubCapped(text('stackTrace'), MAX_STACK_LENGTH, scrubText),
    endpoint: scrubCapped(pathOnly(text('endpoint')), MAX_ENDPOINT_LENGTH, scrubText),
    timestamp: original.timestamp,
    githubRepo: original.githubRepo,
    language: 'typescript',
  };
}

/** A request path never carries its query string or fragment into a report. */
function pathOnly(endpoint: string): string {
  const cut = endpoint.search(/[?#]/);
  return cut === -1 ? endpoint : endpoint.slice(0, cut);
}
