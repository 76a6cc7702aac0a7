/** @module Error-storm guard: repeats of one error are recognised cheaply and capped per window. */
import { safeGet } from './utils/safe-get';

/** Reports of one error (same class, message shape and top frame) per window, at most. */
const REPORTS_PER_WINDOW = 5;
const WINDOW_MS = 60_000;
/** Distinct errors tracked at once; past this the table starts afresh (memory stays bounded). */
const MAX_TRACKED = 1024;
/** Throw sites told apart per class and message shape, at most. */
const MAX_SITES = 16;
/** Characters of the message that make up its shape. */
const SHAPE_LENGTH = 200;
/**
 * Formatting `error.stack` costs more than everything else here together, so past the cap only
 * one repeat in this many has its top frame read: a new throw site with the same message is
 * still let through, within a few repeats, while a storm of one error stays cheap.
 */
const SITE_CHECK_EVERY = 16;

export interface RepeatLimiter {
  /** `true` when this error may be reported; `false` when it is a repeat over the cap. */
  admit(error: unknown): boolean;
}

interface Window {
  start: number;
  count: number;
  overCap: number;
  sites: Map<string, number>;
}

/**
 * Creates the guard. The key is the class and the message with its digits blurred (ids and
 * counts vary between repeats): a few string operations, no payload, no scrubbing.
 */
export function createRepeatLimiter(onCollapsed: () => void, now: () => number = Date.now): RepeatLimiter {
  const windows = new Map<string, Window>();
  const collapse = (): false => {
    onCollapsed();
    return false;
  };
  return {
    admit(error) {
      const key = shapeKey(error);
      const t = now();
      let window = windows.get(key);
      if (window === undefined || t - window.start >= WINDOW_MS) {
        if (window === undefined && windows.size >= MAX_TRACKED) windows.clear();
        window = { start: t, count: 0, overCap: 0, sites: new Map() };
        windows.set(key, window);
      }
      if (window.count < REPORTS_PER_WINDOW) {
        window.count++;
        return true;
      }
      if (++window.overCap % SITE_CHECK_EVERY !== 0) return collapse();
      const site = topFrame(error);
      const seen = window.sites.get(site);
      if (seen === undefined && window.sites.size >= MAX_SITES) return collapse();
      if ((seen ?? 0) >= REPORTS_PER_WINDOW) return collapse();
      window.sites.set(site, (seen ?? 0) + 1);
      return true;
    },
  };
}

function shapeKey(error: unknown): string {
  if (typeof error !== 'object' || error === null) return `${typeof error}:${String(error).slice(0, SHAPE_LENGTH)}`;
  const ctor = safeGet(safeGet(error, 'constructor'), 'name');
  const message = safeGet(error, 'message');
  const shape = typeof message === 'string' ? message.slice(0, SHAPE_LENGTH).replace(/\d+/g, '0') : '';
  return `${String(ctor)}:${shape}`;
}

function topFrame(error: unknown): string {
  const stack = safeGet(error, 'stack');
  if (typeof stack !== 'string') return '';
  const start = stack.indexOf('\n    at ');
  if (start === -1) return '';
  const end = stack.indexOf('\n', start + 1);
  return stack.slice(start, end === -1 ? start + 300 : Math.min(end, start + 300));
}
