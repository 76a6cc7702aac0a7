import { safeGet, safeIsArray } from './safe-get';

const MAX_DEPTH = 3;
const MAX_KEYS = 32;

/**
 * Renders any thrown value as text without ever throwing: strings as they are, primitives with
 * `String`, objects as bounded JSON-like text (cycles, throwing getters and Proxies tolerated).
 * The output is cut at `limit` characters.
 */
export function renderValue(value: unknown, limit: number): string {
  const out: string[] = [];
  let length = 0;
  const push = (s: string): boolean => {
    out.push(s);
    length += s.length;
    return length < limit;
  };
  const seen = new Set<object>();
  const walk = (v: unknown, depth: number): boolean => {
    if (typeof v === 'string') return push(depth === 0 ? v : JSON.stringify(v.slice(0, limit)));
    if (typeof v === 'function') return push(`[Function ${String(safeGet(v, 'name') || 'anonymous')}]`);
    if (typeof v !== 'object' || v === null) return push(describePrimitive(v));
    if (seen.has(v)) return push('[Circular]');
    if (depth >= MAX_DEPTH) return push(safeIsArray(v) ? '[Array]' : '[Object]');
    seen.add(v);
    let keys: string[];
    try {
      keys = Object.keys(v);
    } catch {
      return push('[Unreadable]');
    }
    const isArray = safeIsArray(v);
    if (!push(isArray ? '[' : '{')) return false;
    for (let i = 0; i < keys.length && i < MAX_KEYS; i++) {
      const key = keys[i] as string;
      if (i > 0 && !push(',')) return false;
      if (!isArray && !push(`${JSON.stringify(key)}:`)) return false;
      if (!walk(safeGet(v, key), depth + 1)) return false;
    }
    if (keys.length > MAX_KEYS && !push(',…')) return false;
    seen.delete(v);
    return push(isArray ? ']' : '}');
  };
  walk(value, 0);
  const text = out.join('');
  return text.length > limit ? text.slice(0, limit) : text;
}

function describePrimitive(v: unknown): string {
  try {
    return typeof v === 'bigint' ? `${v}n` : String(v);
  } catch {
    return '[Unprintable]';
  }
}
