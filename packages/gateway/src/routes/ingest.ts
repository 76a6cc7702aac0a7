/** @module `POST /api/v1/exceptions`: authenticate, bound, validate, group and store one report. */
import { Hono } from 'hono';
import type { ChangeFeed } from '../change-feed.js';
import { createBearerCheck } from '../http/api-key.js';
import { jsonError } from '../http/errors.js';
import { readBodyText } from '../http/read-body.js';
import { fingerprintReport } from '../report/fingerprint.js';
import { validateReport } from '../report/validate-report.js';
import type { ExceptionStore } from '../store/contract.js';

/** What the ingest route needs. */
export interface IngestOptions {
  store: ExceptionStore;
  feed: ChangeFeed;
  apiKey: string;
  /** Accepted `githubRepo` values (any case); every repository when absent. */
  allowedRepos: readonly string[] | undefined;
  maxBodyBytes: number;
}

/**
 * Creates the ingest sub-router. Checks run cheapest first: key (401), size (413),
 * JSON and fields (400), repository (403); an accepted report answers 201 with its id.
 *
 * @param options - store, feed, key, allowlist and body limit
 * @returns a router to mount at `/api/v1/exceptions`
 */
export function createIngestRoutes(options: IngestOptions): Hono {
  const { store, feed, maxBodyBytes } = options;
  const isAuthorized = createBearerCheck(options.apiKey);
  const allowed = options.allowedRepos && new Set(options.allowedRepos.map((repo) => repo.toLowerCase()));

  return new Hono().post('/', async function ingest(c) {
    if (!isAuthorized(c.req.header('authorization'))) {
      c.header('WWW-Authenticate', 'Bearer');
      return jsonError(c, 401, 'unauthorized', 'send the gateway API key as "Authorization: Bearer <key>"');
    }
    const text = await readBodyText(c.req.raw, maxBodyBytes);
    if (text === undefined) {
      // Close the connection rather than read the rest of an oversized upload.
      c.header('Connection', 'close');
      return jsonError(c, 413, 'payload_too_large', `the body must not exceed ${maxBodyBytes} bytes`);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return jsonError(c, 400, 'invalid_json', 'the body must be a JSON object');
    }
    const validation = validateReport(body);
    if (!validation.ok) return jsonError(c, 400, 'invalid_payload', validation.message, validation.field);
    const { report, occurredAt } = validation;
    if (allowed && !allowed.has(report.githubRepo.toLowerCase())) {
      const message = `repository ${report.githubRepo} is not accepted by this gateway`;
      return jsonError(c, 403, 'repository_not_allowed', message, 'githubRepo');
    }
    const grouping = fingerprintReport(report);
    const { exceptionId } = await store.record({ report, occurredAt, receivedAt: Date.now(), ...grouping });
    feed.publish();
    return c.json({ exception_id: exceptionId }, 201);
  });
}
