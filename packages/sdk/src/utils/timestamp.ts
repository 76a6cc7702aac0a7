/**
 * Formats epoch milliseconds the way the Python SDK does: ISO 8601 in UTC with microseconds
 * and an explicit offset, `2026-04-11T14:23:01.123000+00:00`.
 */
export function formatTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '000+00:00');
}
