/**
 * Reads one property without ever throwing: a getter that throws, a revoked Proxy or a
 * trap that throws all read as `undefined`.
 */
export function safeGet(target: unknown, key: PropertyKey): unknown {
  try {
    return (target as Record<PropertyKey, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** `Array.isArray` without ever throwing: a revoked Proxy reads as not an array. */
export function safeIsArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}
