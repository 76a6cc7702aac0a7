/** @module Error-storm guard: repeats of one error are recognised cheaply and capped per window. */
import { safeGet } from './utils/safe-get';

/** Reports of one error (same class, message shape and top frame) per window, at most. */
const REPORTS_PER_WINDOW = 5;
const WINDOW_MS = 60_000;
/** Distinct errors tracked at once; past this the table starts afresh (memory stays bounded). */
const MAX_TRACKED = 1024;
/** Characters of the message that make up its shape. */
const SHAPE_LENGTH = 200;

export interface RepeatLimiter {
  /** `true` when this error may be reported; `false` when it is a repeat over the cap. */
  admit(error: unknown): boolean;
}

/**
 * Creates the guard. The key costs a few string operations on what the error already holds —
 * no payload, no scrubbing — so a storm of 100,000 throws a second is mostly turned away here.
 */
export function createRepeatLimiter(onCollapsed: () => void, now: () => number = Date.now): RepeatLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    admit(error) {
      const key = repeatKey(error);
      const t = now();
      const window = windows.get(key);
      if (window === undefined || t - window.start >= WINDOW_MS) {
        if (window === undefined && windows.size >= MAX_TRACKED) windows.clear();
        windows.set(key, { start: t, count: 1 });
        return true;
      }
      if (window.count < REPORTS_PER_WINDOW) {
        window.count++;
        return true;
      }
      onCollapsed();
      return false;
    },
  };
}

/** Class, message with its digits blurred (ids and counts vary between repeats), first frame. */
function repeatKey(error: unknown): string {
  if (typeof error !== 'object' || error === null) return `${typeof error}:${String(error).slice(0, SHAPE_LENGTH)}`;
  const ctor = safeGet(safeGet(error, 'constructor'), 'name');
  const message = safeGet(error, 'message');
  const stack = safeGet(error, 'stack');
  const shape = typeof message === 'string' ? message.slice(0, SHAPE_LENGTH).replace(/\d+/g, '0') : '';
  return `${String(ctor)}:${shape}:${typeof stack === 'string' ? topFrame(stack) : ''}`;
}

function topFrame(stack: string): string {
  const start = stack.indexOf('\n    at ');
  if (start === -1) return '';
  const end = stack.indexOf('\n', start + 1);
  return stack.slice(start, end === -1 ? start + 300 : Math.min(end, start + 300));
}
