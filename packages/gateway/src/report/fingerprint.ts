/** @module Grouping key of a report: exception type, throw site and endpoint. */
import { hash } from 'node:crypto';
import { findTopFrame, type StackFrame } from './stack-frames.js';
import type { ExceptionReport } from './validate-report.js';

/** What groups a report into an issue. */
export interface Fingerprint {
  /** Hex digest of type, culprit and endpoint pattern. Issues are unique per repository and fingerprint. */
  fingerprint: string;
  /** The throw site as `fn (file)`, or `""` when the trace has no frames. */
  culprit: string;
  /** The endpoint with id-like segments replaced by `:id`. */
  endpointPattern: string;
}

const URL_NOISE = /[?#].*$/;
const FILE_URL_PREFIX = /^file:\/\//;
// Bundlers put content hashes in file names (`chunk-3f9a1c0b.js`); they change on every build.
const CONTENT_HASH = /([.-])[0-9a-f]{8,}(?=\.[cm]?[jt]sx?$)/i;
const ID_SEGMENT = /^(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?=[a-f]*\d)[0-9a-f]{16,})$/i;

/**
 * Computes the grouping key of a report. Line and column numbers are left out, so the
 * same throw site keeps its group when the file is edited above it; the function name
 * and file tell throw sites apart. Path segments that look like ids (`/orders/42`)
 * become `:id`, so one route gives one group.
 *
 * @param report - a validated report
 * @returns the digest, the human-readable throw site and the endpoint pattern
 * @example
 * fingerprintReport(report).culprit; // 'charge (/srv/app/pay.js)'
 */
export function fingerprintReport(report: ExceptionReport): Fingerprint {
  const frame = findTopFrame(report.stackTrace, report.language);
  const culprit = frame ? describeFrame(frame) : '';
  const endpointPattern = normaliseEndpoint(report.endpoint);
  const fingerprint = hash('sha256', `${report.exceptionType}\n${culprit}\n${endpointPattern}`, 'hex').slice(0, 32);
  return { fingerprint, culprit, endpointPattern };
}

/**
 * Replaces id-like path segments (numbers, UUIDs, long hex) with `:id`.
 *
 * @param endpoint - a request path such as `/api/orders/42`
 * @returns the path pattern, such as `/api/orders/:id`
 */
function normaliseEndpoint(endpoint: string): string {
  return endpoint
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment))
    .join('/');
}

// V8 names a function after how it was reached: `async load`, `new Order`, `Timeout.run [as _onTimeout]`,
// `Object.<anonymous>`. Only the function itself identifies the throw site.
function functionName(printed: string): string {
  const name = printed.replace(/^(?:async |new )/, '').replace(/ \[as [^\]]*\]$/, '');
  return name.slice(name.lastIndexOf('.') + 1) || name;
}

function describeFrame(frame: StackFrame): string {
  const fn = functionName(frame.fn);
  const file = frame.file.replace(FILE_URL_PREFIX, '').replace(URL_NOISE, '').replace(CONTENT_HASH, '$1[hash]');
  return `${fn} (${file})`;
}
