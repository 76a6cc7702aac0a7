/** @module Schema migrations, tracked in `PRAGMA user_version`. */
import type Database from 'better-sqlite3';

// Each entry moves the schema from version i to i + 1. Append only; never edit a released step.
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  CREATE TABLE issues (
    id INTEGER PRIMARY KEY,
    github_repo TEXT NOT NULL COLLATE NOCASE,
    fingerprint TEXT NOT NULL,
    exception_type TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    culprit TEXT NOT NULL,
    last_message TEXT NOT NULL,
    occurrences INTEGER NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    UNIQUE (github_repo, fingerprint)
  ) STRICT;
  CREATE INDEX issues_by_last_seen ON issues (last_seen DESC, id DESC);

  CREATE TABLE exceptions (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    issue_id INTEGER NOT NULL REFERENCES issues (id),
    exception_type TEXT NOT NULL,
    error_message TEXT NOT NULL,
    stack_trace TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    github_repo TEXT NOT NULL COLLATE NOCASE,
    language TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX exceptions_by_issue ON exceptions (issue_id, seq DESC);
  `,
];

/** Schema version this gateway writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings a database up to {@link SCHEMA_VERSION}, one transaction per step.
 *
 * @param db - an open connection
 * @throws Error when the database was written by a newer gateway
 */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `sentinel-gateway – database schema version ${current} is newer than this gateway supports (${SCHEMA_VERSION})`,
    );
  }
  for (let version = current; version < SCHEMA_VERSION; version += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
