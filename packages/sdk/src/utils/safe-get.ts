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
