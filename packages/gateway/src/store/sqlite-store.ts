/** @module {@link ExceptionStore} on SQLite (better-sqlite3), WAL mode, schema via migrations. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type {
  ExceptionFilter,
  ExceptionStore,
  Issue,
  IssueFilter,
  NewException,
  Page,
  PageRequest,
  RecordedException,
  StoredException,
} from './contract.js';
import { createCommitBatcher } from './commit-batcher.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { migrate } from './migrations.js';
import { createTimeOrderedId } from './time-ordered-id.js';

interface ExceptionRow {
  seq: number;
  id: string;
  issue_id: number;
  exception_type: string;
  error_message: string;
  stack_trace: string;
  endpoint: string;
  timestamp: string;
  github_repo: string;
  language: string;
  received_at: number;
}

interface IssueRow {
  id: number;
  github_repo: string;
  fingerprint: string;
  exception_type: string;
  endpoint: string;
  culprit: string;
  last_message: string;
  occurrences: number;
  first_seen: number;
  last_seen: number;
}

const API_KEY_SETTING = 'api_key';
// Issue ids by repository and fingerprint. Past this many entries the cache starts over.
const MAX_CACHED_ISSUES = 10_000;

// Repository comparisons ignore case: the columns are declared COLLATE NOCASE.
const EXCEPTION_FILTERS: Record<keyof ExceptionFilter, string> = {
  repo: 'github_repo = @repo',
  type: 'exception_type = @type',
  endpoint: 'endpoint = @endpoint',
  since: 'occurred_at >= @since',
  issueId: 'issue_id = @issueId',
};
const ISSUE_FILTERS: Record<keyof IssueFilter, string> = { repo: 'github_repo = @repo' };

const UPSERT_ISSUE = `
  INSERT INTO issues (github_repo, fingerprint, exception_type, endpoint, culprit, last_message,
                      occurrences, first_seen, last_seen)
  VALUES (@githubRepo, @fingerprint, @exceptionType, @endpoint, @culprit, @message, 1, @occurredAt, @occurredAt)
  ON CONFLICT (github_repo, fingerprint) DO UPDATE SET
    occurrences = occurrences + 1,
    first_seen = min(first_seen, excluded.first_seen),
    last_seen = max(last_seen, excluded.last_seen),
    last_message = CASE WHEN excluded.last_seen >= last_seen THEN excluded.last_message ELSE last_message END
  RETURNING id`;

// Counts a report into an issue whose id is known; the common case, much cheaper than the upsert.
const BUMP_ISSUE = `
  UPDATE issues SET
    occurrences = occurrences + 1,
    first_seen = min(first_seen, @occurredAt),
    last_seen = max(last_seen, @occurredAt),
    last_message = CASE WHEN @occurredAt >= last_seen THEN @message ELSE last_message END
  WHERE id = @id`;

const INSERT_EXCEPTION = `
  INSERT INTO exceptions (id, issue_id, exception_type, error_message, stack_trace, endpoint, timestamp,
                          github_repo, language, occurred_at, received_at)
  VALUES (@id, @issueId, @exceptionType, @errorMessage, @stackTrace, @endpoint, @timestamp,
          @githubRepo, @language, @occurredAt, @receivedAt)`;

/**
 * Opens (creating if needed) a SQLite database file and brings its schema up to date.
 *
 * @param path - database file; its directory is created when missing
 * @returns the store; call `close()` to checkpoint the WAL and release the file
 * @example
 * const store = openSqliteStore('./sentinel.db');
 */
export function openSqliteStore(path: string): ExceptionStore {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // In WAL mode NORMAL loses no committed transaction when the process dies, only on power loss.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const upsertIssue = db.prepare<Record<string, unknown>, { id: number }>(UPSERT_ISSUE);
  const bumpIssue = db.prepare(BUMP_ISSUE);
  const insertException = db.prepare(INSERT_EXCEPTION);
  const selectException = db.prepare<[string], ExceptionRow>('SELECT * FROM exceptions WHERE id = ?');
  const selectIssue = db.prepare<[number], IssueRow>('SELECT * FROM issues WHERE id = ?');
  const selectSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE name = ?');
  const insertSetting = db.prepare('INSERT INTO settings (name, value) VALUES (?, ?)');
  const listings = new Map<string, Database.Statement>();
  const issueIds = new Map<string, number>();

  function countIntoIssue(entry: NewException): number {
    const { report, occurredAt, fingerprint } = entry;
    const key = `${report.githubRepo.toLowerCase()}\n${fingerprint}`;
    const cached = issueIds.get(key);
    // No row changed means the cached id came from a transaction that was rolled back.
    if (cached !== undefined && bumpIssue.run({ id: cached, occurredAt, message: report.errorMessage }).changes === 1) {
      return cached;
    }
    const issue = upsertIssue.get({
      githubRepo: report.githubRepo,
      fingerprint,
      exceptionType: report.exceptionType,
      endpoint: entry.endpointPattern,
      culprit: entry.culprit,
      message: report.errorMessage,
      occurredAt,
    });
    if (!issue) throw new Error('sentinel-gateway – issue upsert returned no row');
    if (issueIds.size >= MAX_CACHED_ISSUES) issueIds.clear();
    issueIds.set(key, issue.id);
    return issue.id;
  }

  function recordOne(entry: NewException): RecordedException {
    const issueId = countIntoIssue(entry);
    const id = createTimeOrderedId();
    insertException.run({ ...entry.report, id, issueId, occurredAt: entry.occurredAt, receivedAt: entry.receivedAt });
    return { exceptionId: id, issueId };
  }
  const batcher = createCommitBatcher(
    db.transaction((entries: NewException[]) => entries.map(recordOne)),
    db.transaction(recordOne),
  );

  function list<Row>(sql: string, params: Record<string, unknown>): Row[] {
    let statement = listings.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      listings.set(sql, statement);
    }
    return statement.all(params) as Row[];
  }

  return {
    record: (entry) => batcher.submit(entry),

    listExceptions(filter: ExceptionFilter, page: PageRequest): Page<StoredException> {
      const params: Record<string, unknown> = { limit: page.limit + 1 };
      const where = applyFilters(EXCEPTION_FILTERS, filter, params);
      if (page.cursor !== undefined) {
        where.push('seq < @before');
        [params.before] = decodeCursor('e', page.cursor, 1);
      }
      const rows = list<ExceptionRow>(
        `SELECT * FROM exceptions ${whereClause(where)} ORDER BY seq DESC LIMIT @limit`,
        params,
      );
      return paginate(rows, page.limit, toException, (row) => encodeCursor('e', [row.seq]));
    },

    getException(id: string): StoredException | undefined {
      const row = selectException.get(id);
      return row && toException(row);
    },

    listIssues(filter: IssueFilter, page: PageRequest): Page<Issue> {
      const params: Record<string, unknown> = { limit: page.limit + 1 };
      const where = applyFilters(ISSUE_FILTERS, filter, params);
      if (page.cursor !== undefined) {
        where.push('(last_seen < @lastSeen OR (last_seen = @lastSeen AND id < @id))');
        [params.lastSeen, params.id] = decodeCursor('i', page.cursor, 2);
      }
      const rows = list<IssueRow>(
        `SELECT * FROM issues ${whereClause(where)} ORDER BY last_seen DESC, id DESC LIMIT @limit`,
        params,
      );
      return paginate(rows, page.limit, toIssue, (row) => encodeCursor('i', [row.last_seen, row.id]));
    },

    getIssue(id: number): Issue | undefined {
      const row = selectIssue.get(id);
      return row && toIssue(row);
    },

    loadOrCreateApiKey: db.transaction((create: () => string): string => {
      const stored = selectSetting.get(API_KEY_SETTING);
      if (stored) return stored.value;
      const key = create();
      insertSetting.run(API_KEY_SETTING, key);
      return key;
    }),

    close(): void {
      if (!db.open) return;
      batcher.flush();
      db.close();
    },
  };
}

/** Collects the SQL conditions of the filters that are set and binds their values into `params`. */
function applyFilters<F extends object>(
  sqlByName: Record<keyof F, string>,
  filter: F,
  params: Record<string, unknown>,
): string[] {
  const where: string[] = [];
  for (const name of Object.keys(sqlByName) as (keyof F & string)[]) {
    if (filter[name] === undefined) continue;
    where.push(sqlByName[name]);
    params[name] = filter[name];
  }
  return where;
}

function whereClause(conditions: readonly string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

function paginate<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  cursorAfter: (row: Row) => string,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { items: pageRows.map(toItem), nextCursor: hasMore && last ? cursorAfter(last) : null };
}

function toException(row: ExceptionRow): StoredException {
  return {
    id: row.id,
    issueId: row.issue_id,
    exceptionType: row.exception_type,
    errorMessage: row.error_message,
    stackTrace: row.stack_trace,
    endpoint: row.endpoint,
    timestamp: row.timestamp,
    githubRepo: row.github_repo,
    language: row.language,
    receivedAt: new Date(row.received_at).toISOString(),
  };
}

function toIssue(row: IssueRow): Issue {
  return {
    id: row.id,
    githubRepo: row.github_repo,
    exceptionType: row.exception_type,
    endpoint: row.endpoint,
    culprit: row.culprit,
    fingerprint: row.fingerprint,
    message: row.last_message,
    count: row.occurrences,
    firstSeen: new Date(row.first_seen).toISOString(),
    lastSeen: new Date(row.last_seen).toISOString(),
  };
}
