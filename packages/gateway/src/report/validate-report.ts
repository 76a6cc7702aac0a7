/** @module Checks an ingest body against the wire contract: exactly seven string fields. */

/** The seven fields every SDK sends, in contract order. */
export const REPORT_FIELDS = [
  'exceptionType',
  'errorMessage',
  'stackTrace',
  'endpoint',
  'timestamp',
  'githubRepo',
  'language',
] as const;

/** Name of one contract field. */
export type ReportField = (typeof REPORT_FIELDS)[number];

/** A report exactly as an SDK sent it. */
export type ExceptionReport = Record<ReportField, string>;

/** Outcome of {@link validateReport}: the report and its capture time, or what is wrong. */
export type ReportValidation =
  | { ok: true; report: ExceptionReport; occurredAt: number }
  | { ok: false; field: string | null; message: string };

const KNOWN_FIELDS: ReadonlySet<string> = new Set(REPORT_FIELDS);
const NON_EMPTY: ReadonlySet<ReportField> = new Set(['exceptionType', 'githubRepo', 'language']);
const GITHUB_REPO = /^[\w.-]+\/[\w.-]+$/;
// ISO 8601 with an explicit offset; the Python SDK sends six fractional digits, others three.
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Validates a parsed JSON body as an exception report.
 *
 * @param body - the value `JSON.parse` produced
 * @returns the typed report with `occurredAt` (epoch ms), or the first offending field
 * @example
 * const result = validateReport(JSON.parse(text));
 * if (!result.ok) return badRequest(result.field, result.message);
 */
export function validateReport(body: unknown): ReportValidation {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, field: null, message: 'body must be a JSON object' };
  }
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_FIELDS.has(key)) return { ok: false, field: key, message: `unknown field "${key}"` };
  }
  for (const field of REPORT_FIELDS) {
    const value = record[field];
    if (typeof value !== 'string') return { ok: false, field, message: `${field} must be a string` };
    if (NON_EMPTY.has(field) && value.trim() === '') {
      return { ok: false, field, message: `${field} must not be empty` };
    }
  }
  const report = record as ExceptionReport;
  if (!GITHUB_REPO.test(report.githubRepo)) {
    return { ok: false, field: 'githubRepo', message: 'githubRepo must look like owner/repo' };
  }
  const occurredAt = ISO_TIMESTAMP.test(report.timestamp) ? Date.parse(report.timestamp) : Number.NaN;
  if (Number.isNaN(occurredAt)) {
    return {
      ok: false,
      field: 'timestamp',
      message: 'timestamp must be an ISO 8601 date-time with an offset, e.g. 2026-04-11T14:23:01.123000+00:00',
    };
  }
  return { ok: true, report, occurredAt };
}
