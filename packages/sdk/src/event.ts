/** @module Error → raw report text: class name, message, stack with its causes appended. */
import { renderValue } from './utils/render-value';
import { safeGet, safeIsArray } from './utils/safe-get';

/** `exceptionType` of a thrown value that is not an Error (a string, a plain object…). */
export const NON_ERROR_TYPE = 'NonError';

/** Causes and aggregated errors appended after the main stack, at most. */
const MAX_LINKED = 16;
/** Nesting of causes followed, at most. */
const MAX_DEPTH = 8;

export interface RawEvent {
  exceptionType: string;
  errorMessage: string;
  stackTrace: string;
}

/**
 * Describes any thrown value. Never throws. Each text is read only up to `limit` characters, so
 * a 5 MB message costs no more than a short one downstream.
 *
 * - An Error (or error-like object from another realm) gives its class name, `message` and
 *   `stack`, then each `cause` (`Caused by: …`) and each `AggregateError.errors` entry
 *   (`Aggregated error 2 of 3: …`), depth-first, cycle-safe, bounded.
 * - Anything else gives type `NonError`, its rendering as message (strings as they are, objects
 *   as JSON-like text) and `NonError: <message>` as stack.
 */
export function describeError(value: unknown, limit: number): RawEvent {
  const main = describeOne(value, limit);
  const sections = [main.stack];
  let length = main.stack.length;
  // Made on the first linked error: most errors have none.
  let seen: Set<unknown> | undefined;
  const visit = (parent: unknown, depth: number): void => {
    if (depth >= MAX_DEPTH) return;
    for (const [label, linked] of linkedErrors(parent)) {
      if (sections.length > MAX_LINKED || length >= limit) return;
      seen ??= new Set<unknown>([value]);
      if (seen.has(linked)) continue;
      seen.add(linked);
      const text = `${label}: ${describeOne(linked, limit).stack}`;
      sections.push(text);
      length += text.length + 1;
      visit(linked, depth + 1);
    }
  };
  visit(value, 0);
  return { exceptionType: main.type, errorMessage: main.message, stackTrace: sections.length === 1 ? main.stack : sections.join('\n') };
}

function describeOne(value: unknown, limit: number): { type: string; message: string; stack: string } {
  if (!isErrorLike(value)) {
    const message = renderValue(value, limit);
    return { type: NON_ERROR_TYPE, message, stack: `${NON_ERROR_TYPE}: ${message}` };
  }
  const type = className(value);
  const rawMessage = safeGet(value, 'message');
  const message = typeof rawMessage === 'string' ? rawMessage.slice(0, limit) : renderValue(rawMessage ?? '', limit);
  const rawStack = safeGet(value, 'stack');
  const stack = typeof rawStack === 'string' && rawStack !== '' ? rawStack.slice(0, limit) : `${type}: ${message}`;
  return { type, message, stack };
}

function* linkedErrors(value: unknown): Generator<[string, unknown]> {
  if (typeof value !== 'object' || value === null) return;
  const cause = safeGet(value, 'cause');
  if (cause !== undefined) yield ['Caused by', cause];
  const errors = safeGet(value, 'errors');
  if (!safeIsArray(errors)) return;
  const count = Math.min(errors.length, MAX_LINKED);
  for (let i = 0; i < count; i++) yield [`Aggregated error ${i + 1} of ${errors.length}`, safeGet(errors, i)];
}

/** Errors from this realm, other realms (vm, workers) and error-shaped objects all count. */
function isErrorLike(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  try {
    if (value instanceof Error || Object.prototype.toString.call(value) === '[object Error]') return true;
  } catch {
    return false;
  }
  return typeof safeGet(value, 'message') === 'string' && typeof safeGet(value, 'stack') === 'string';
}

/** The class name (stable for one class, unlike `name`, which e.g. DOMException varies per instance). */
function className(value: object): string {
  const ctorName = safeGet(safeGet(value, 'constructor'), 'name');
  if (typeof ctorName === 'string' && ctorName !== '' && ctorName !== 'Object') return ctorName.slice(0, 256);
  const name = safeGet(value, 'name');
  return typeof name === 'string' && name !== '' ? name.slice(0, 256) : 'Error';
}
