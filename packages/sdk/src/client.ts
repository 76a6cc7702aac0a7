/** @module One configured SDK instance: capture → payload → scrub → queue → gateway. */
import { createLogger, type Logger, type WarnSink } from './logger';
import type { ExceptionPayload, ResolvedOptions } from './options';
import { buildPayload, sanitizePayload } from './payload';
import { createDropTally } from './transport/drop-tally';
import { createRepeatLimiter } from './repeat-limiter';
import { createScrubber } from './scrub';
import { createTransport, type Delivery, type Transport } from './transport/transport';
import type { Send } from './transport/http-send';

export interface CaptureContext {
  /** The request path for a request-scoped error; otherwise `endpointLabel` is used. */
  endpoint?: string;
}

export interface Client {
  readonly options: ResolvedOptions;
  readonly logger: Logger;
  /** Builds the report now and resolves once it is settled. Never throws or rejects. */
  capture(error: unknown, context?: CaptureContext): Promise<string | null>;
  flush(timeoutMs: number): Promise<boolean>;
  close(timeoutMs: number): Promise<boolean>;
  /** Reports accepted but not yet delivered, as JSON bodies. */
  pendingBodies(): string[];
  /** Queues an already built JSON body (a spooled report). */
  enqueue(body: string): Promise<Delivery>;
  /**
   * For a crash, when there is no time left for the queue: the JSON body of `error`'s report,
   * marked as captured, or `null` when it was captured already or is not to be reported.
   */
  takeCrashBody(error: unknown, context?: CaptureContext): string | null;
}

/** Every capture of one error object, by any integration or hook, shares one report. */
const CAPTURED: WeakMap<object, Promise<string | null>> = ((globalThis as Record<symbol, unknown>)[Symbol.for('sentinel-sdk.captured')] ??=
  new WeakMap()) as WeakMap<object, Promise<string | null>>;

/** Creates a client. `send` is the network primitive; tests and the crash path inject their own. */
export function createClient(options: ResolvedOptions, send: Send, sink?: WarnSink): Client {
  const logger = createLogger(options.apiKey, sink);
  const scrub = createScrubber(options.scrubbers);
  const drops = createDropTally(logger);
  const transport: Transport = createTransport(options, logger, send, drops);
  const repeats = createRepeatLimiter(() => drops.count('repeat_collapsed'));
  let closed = false;

  const preparePayload = (error: unknown, context?: CaptureContext): ExceptionPayload | null => {
    if (options.sampleRate < 1 && Math.random() >= options.sampleRate) return null;
    const endpoint = typeof context?.endpoint === 'string' && context.endpoint !== '' ? context.endpoint : options.endpointLabel;
    const payload = buildPayload(error, { githubRepo: options.githubRepo, endpoint, scrub, now: Date.now() });
    return options.beforeSend ? applyBeforeSend(options.beforeSend, payload, scrub, logger) : payload;
  };

  const deliver = (error: unknown, context?: CaptureContext): Promise<string | null> => {
    try {
      const payload = preparePayload(error, context);
      if (payload === null) return Promise.resolve(null);
      const delivered = transport.enqueue(JSON.stringify(payload)).then((delivery) => delivery.id);
      if (options.debug) {
        logger.print(`report: ${JSON.stringify(payload)}`);
        void delivered.then((id) => logger.print(id === null ? 'report not delivered' : `report delivered: exception_id ${id}`));
      }
      return delivered;
    } catch {
      logger.warn('internal', 'a report could not be built; it was dropped');
      return Promise.resolve(null);
    }
  };

  return {
    options,
    logger,
    capture(error, context) {
      if (closed || !options.enabled) return Promise.resolve(null);
      const key = objectKey(error);
      const earlier = key && CAPTURED.get(key);
      if (earlier) return earlier;
      if (!repeats.admit(error)) return Promise.resolve(null);
      const delivered = deliver(error, context);
      if (key) CAPTURED.set(key, delivered);
      return delivered;
    },
    takeCrashBody(error, context) {
      if (closed || !options.enabled) return null;
      const key = objectKey(error);
      if (key && CAPTURED.has(key)) return null;
      if (key) CAPTURED.set(key, Promise.resolve(null));
      try {
        const payload = preparePayload(error, context);
        return payload && JSON.stringify(payload);
      } catch {
        return null;
      }
    },
    enqueue: (body) => transport.enqueue(body),
    flush: (timeoutMs) => transport.flush(timeoutMs),
    async close(timeoutMs) {
      closed = true;
      const flushed = await transport.flush(timeoutMs);
      transport.close();
      return flushed;
    },
    pendingBodies: () => transport.pendingBodies(),
  };
}

function applyBeforeSend(
  beforeSend: (payload: ExceptionPayload) => ExceptionPayload | null,
  payload: ExceptionPayload,
  scrub: (text: string) => string,
  logger: Logger,
): ExceptionPayload | null {
  let result: unknown;
  try {
    result = beforeSend({ ...payload });
  } catch {
    logger.warn('before_send', 'beforeSend threw; the report is sent unchanged');
    return payload;
  }
  if (result === null) return null;
  const sanitized = sanitizePayload(result, payload, scrub);
  if (sanitized === undefined) logger.warn('before_send', 'beforeSend returned neither a payload nor null; the report is sent unchanged');
  return sanitized ?? payload;
}

/** The error itself when it can key a WeakMap; thrown primitives cannot be told apart. */
function objectKey(error: unknown): object | undefined {
  return typeof error === 'object' && error !== null ? error : undefined;
}
