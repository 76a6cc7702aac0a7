/**
 * @module Sending again, at start-up, what an earlier process spooled. A chunk of its own,
 * imported only when `spoolDir` is set: it imports nothing of the SDK's, so that the main entry
 * stays in one file.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import type { Delivery } from '../transport/transport';

/** A claimed file older than this belongs to a process that died while sending it. */
const STALE_CLAIM_MS = 5 * 60_000;
/** File name endings: a report ready to send (as `spoolSync` writes it), one a process is sending, a file that is not a report. */
const READY = '.json';
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
    names = fs.readdirSync(dir);
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
      if (file === claimed) fs.utimesSync(file, now / 1000, now / 1000);
      else fs.renameSync(file, claimed);
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
    body = fs.readFileSync(claimed, 'utf8');
    if (!isPayload(body)) throw new Error('not a report');
  } catch {
    quietly(() => fs.renameSync(claimed, base + CORRUPT));
    return;
  }
  const delivery = await enqueue(body);
  if (delivery.outcome === 'failed') quietly(() => fs.renameSync(claimed, base + READY));
  else quietly(() => fs.unlinkSync(claimed));
}

function isPayload(body: string): boolean {
  const value: unknown = JSON.parse(body);
  if (typeof value !== 'object' || value === null) return false;
  const keys = ['exceptionType', 'errorMessage', 'stackTrace', 'endpoint', 'timestamp', 'githubRepo', 'language'];
  return keys.every((k) => typeof (value as Record<string, unknown>)[k] === 'string') && Object.keys(value).length === keys.length;
}

function isStale(file: string, now: number): boolean {
  try {
    return now - fs.statSync(file).mtimeMs > STALE_CLAIM_MS;
  } catch {
    return false;
  }
}

/** Runs a file operation whose failure leaves nothing to do: another process took the file, or it is gone. */
function quietly(operation: () => void): void {
  try {
    operation();
  } catch {
    // Nothing to keep.
  }
}
