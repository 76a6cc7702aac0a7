/** @module Warnings: one line each, at most one per cause per minute, never the API key. */

const WINDOW_MS = 60_000;
const PREFIX = '[sentinel-sdk]';

/** Where the SDK's warnings go; `console.warn` unless a test or the crash path needs otherwise. */
export type WarnSink = (line: string) => void;

export interface Logger {
  /** Logs `message` unless the same `cause` was logged in the last minute (those are counted). */
  warn(cause: string, message: string): void;
  /** Logs unconditionally: `debug: true` output and the periodic drop summary. */
  print(message: string): void;
}

/**
 * Creates a logger that rate-limits by cause and strips `secret` from every line, so that an
 * API key can never reach a log even through an error message that happens to echo it.
 */
export function createLogger(secret: string, sink: WarnSink = defaultSink, now: () => number = Date.now): Logger {
  const lastLogged = new Map<string, { at: number; suppressed: number }>();
  const emit = (message: string): void => {
    try {
      sink(`${PREFIX} ${secret ? message.split(secret).join('[api key]') : message}`);
    } catch {
      // A broken console must not break the application.
    }
  };
  return {
    warn(cause, message) {
      const t = now();
      const seen = lastLogged.get(cause);
      if (seen && t - seen.at < WINDOW_MS) {
        seen.suppressed++;
        return;
      }
      const repeats = seen?.suppressed ? ` (${seen.suppressed} similar warnings suppressed)` : '';
      lastLogged.set(cause, { at: t, suppressed: 0 });
      emit(message + repeats);
    },
    print: emit,
  };
}

function defaultSink(line: string): void {
  console.warn(line);
}
