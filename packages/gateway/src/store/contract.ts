/** @module What the gateway needs from storage; the routes depend on this, not on SQLite. */
import type { ExceptionReport } from '../report/validate-report.js';

/** A validated report with what the gateway derived from it, ready to be stored. */
export interface NewException {
  report: ExceptionReport;
  /** Capture time from the report's `timestamp`, epoch ms. */
  occurredAt: number;
  /** Arrival time at the gateway, epoch ms. */
  receivedAt: number;
  fingerprint: string;
  culprit: string;
  /** The endpoint with id-like segments replaced, shown on the issue. */
  endpointPattern: string;
}

/** A stored report: the seven contract fields plus the ids and arrival time. */
export interface StoredException extends ExceptionReport {
  id: string;
  issueId: number;
  /** ISO 8601 (UTC) arrival time. */
  receivedAt: string;
}

/** A group of reports with the same repository and fingerprint. */
export interface Issue {
  id: number;
  githubRepo: string;
  exceptionType: string;
  /** Endpoint pattern shared by the reports (`/api/orders/:id`). */
  endpoint: string;
  culprit: string;
  fingerprint: string;
  /** Message of the most recently captured report. */
  message: string;
  count: number;
  /** ISO 8601 (UTC) capture time of the earliest report. */
  firstSeen: string;
  /** ISO 8601 (UTC) capture time of the latest report. */
  lastSeen: string;
}

/** Filters of an exception listing; all optional, combined with AND. */
export interface ExceptionFilter {
  repo?: string;
  type?: string;
  endpoint?: string;
  /** Only reports captured at or after this time, epoch ms. */
  since?: number;
  issueId?: number;
}

/** Filters of an issue listing. */
export interface IssueFilter {
  repo?: string;
}

/** Which page to read: at most `limit` items after the position `cursor` names. */
export interface PageRequest {
  limit: number;
  /** `nextCursor` of the previous page; absent for the first page. */
  cursor?: string;
}

/** One page of a listing, newest first. `nextCursor` is `null` on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Raised when a cursor was not produced by the store (tampered or from another listing). */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super('cursor is not valid for this listing');
  }
}

/** Ids given to a stored report. */
export interface RecordedException {
  exceptionId: string;
  issueId: number;
}

/** Storage of reports and their grouping into issues. */
export interface ExceptionStore {
  /**
   * Stores a report and counts it into its issue, atomically. Resolves once the report is
   * committed, so an acknowledged report survives the process.
   */
  record(entry: NewException): Promise<RecordedException>;
  /** Lists reports, newest arrival first. Throws {@link InvalidCursorError}. */
  listExceptions(filter: ExceptionFilter, page: PageRequest): Page<StoredException>;
  getException(id: string): StoredException | undefined;
  /** Lists issues, most recently seen first. Throws {@link InvalidCursorError}. */
  listIssues(filter: IssueFilter, page: PageRequest): Page<Issue>;
  getIssue(id: number): Issue | undefined;
  /** Returns the API key kept in storage, creating and keeping one on first use. */
  loadOrCreateApiKey(create: () => string): string;
  /** Commits what is pending, then releases the storage; the store is unusable afterwards. */
  close(): void;
}
