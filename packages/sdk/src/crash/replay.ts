/** @module Sending again, at start-up, what an earlier process spooled; loaded only when `spoolDir` is set. */
import type { Delivery } from '../transport';
import { fs, join, READY, removeQuietly } from './spool';

/** A claimed file older than this belongs to a process that died while sending it. */
const STALE_CLAIM_MS = 5 * 60_000;
/** File name endings: a report a process is sending, and a file that is not a report. */
const CLAIMED = '.sending';
const CORRUPT = '.corrupt';

/**
 * Sends what an earlier process spooled, each file once: a file is claimed by renaming it
 * before it is read, so two processes starting together never both send it. A delivered or
 * rejected report is removed; one that failed again is put back for the next start; a file
 * that is not a report is set aside as `.corrupt`. Never throws.
 */
export async function replaySpool(dir: string, enqueue: (body: string) => Promise<Delivery>): Promise<void> {
  let names: string[];
  try {
    names = fs().readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  const claims: Promise<void>[] = [];
  for (const name of names) {
    const file = join(dir, name);
    if (name.endsWith(CLAIMED) ? !isStale(file, now) : !name.endsWith(READY)) continue;
    const base = name.slice(0, name.lastIndexOf('.'));
    const claimed = join(dir, base + CLAIMED);
    try {
      if (file === claimed) fs().utimesSync(file, now / 1000, now / 1000);
      else fs().renameSync(file, claimed);
    } catch {
      continue;
    }
    claims.push(sendClaimed(claimed, join(dir, base), enqueue));
  }
  await Promise.all(claims);
}

async function sendClaimed(claimed: string, base: string, enqueue: (body: string) => Promise<Delivery>): Promise<void> {
  let body: string;
  try {
    body = fs().readFileSync(claimed, 'utf8');
    if (!isPayload(body)) throw new Error('not a report');
  } catch {
    renameQuietly(claimed, base + CORRUPT);
    return;
  }
  const delivery = await enqueue(body);
  if (delivery.outcome === 'failed') renameQuietly(claimed, base + READY);
  else removeQuietly(claimed);
}

function isPayload(body: string): boolean {
  const value: unknown = JSON.parse(body);
  if (typeof value !== 'object' || value === null) return false;
  const keys = ['exceptionType', 'errorMessage', 'stackTrace', 'endpoint', 'timestamp', 'githubRepo', 'language'];
  return keys.every((k) => typeof (value as Record<string, unknown>)[k] === 'string') && Object.keys(value).length === keys.length;
}

function isStale(file: string, now: number): boolean {
  try {
    return now - fs().statSync(file).mtimeMs > STALE_CLAIM_MS;
  } catch {
    return false;
  }
}

function renameQuietly(from: string, to: string): void {
  try {
    fs().renameSync(from, to);
  } catch {
    // Another process took it, or the directory went away: nothing to keep.
  }
}
