/** @module Crash reports that could not be delivered, kept on disk for the next start. */
import type { Delivery } from '../transport';
import { type Builtins, loadBuiltin } from '../utils/load-builtin';

/** Reports kept, at most; the oldest make room for new ones. */
const MAX_FILES = 50;
/** A spooled body larger than this is not written (a report is far smaller). */
const MAX_FILE_BYTES = 1024 * 1024;
/** A claimed file older than this belongs to a process that died while sending it. */
const STALE_CLAIM_MS = 5 * 60_000;
const READY = '.json';
const CLAIMED = '.sending';
const CORRUPT = '.corrupt';

// Loaded on first use: importing the SDK loads no file-system module.
const fs = (): Builtins['node:fs'] => loadBuiltin('node:fs');
const join = (dir: string, name: string): string => loadBuiltin('node:path').join(dir, name);

/**
 * Writes bodies synchronously (the process is about to exit): each to its own file, written
 * under a temporary name and renamed into place, readable by the owner only. Returns how many
 * were kept. Never throws.
 */
export function spoolSync(dir: string, bodies: readonly string[]): number {
  let kept = 0;
  try {
    fs().mkdirSync(dir, { recursive: true, mode: 0o700 });
    const existing = listReady(dir);
    const overflow = existing.length + bodies.length - MAX_FILES;
    for (const name of existing.slice(0, Math.max(0, overflow))) removeQuietly(join(dir, name));
    for (const body of bodies.slice(-MAX_FILES)) {
      if (Buffer.byteLength(body) > MAX_FILE_BYTES) continue;
      const name = `${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
      const temp = join(dir, `${name}.tmp`);
      fs().writeFileSync(temp, body, { mode: 0o600, flag: 'wx' });
      fs().renameSync(temp, join(dir, name + READY));
      kept++;
    }
  } catch {
    // Disk full, read-only, no permission: the report is lost, and the caller says so once.
  }
  return kept;
}

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

function listReady(dir: string): string[] {
  return fs().readdirSync(dir).filter((n) => n.endsWith(READY)).sort();
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

function removeQuietly(file: string): void {
  try {
    fs().unlinkSync(file);
  } catch {
    // Already gone.
  }
}
