/** @module Crash reports that could not be delivered, kept on disk for the next start (`./replay` sends them). */
import { type Builtins, loadBuiltin } from '../utils/load-builtin';

/** Reports kept, at most; the oldest make room for new ones. */
const MAX_FILES = 50;
/** A spooled body larger than this is not written (a report is far smaller). */
const MAX_FILE_BYTES = 1024 * 1024;
/** The file name ending of a report ready to send (`./replay` reads it). */
const READY = '.json';

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

function listReady(dir: string): string[] {
  return fs().readdirSync(dir).filter((n) => n.endsWith(READY)).sort();
}

function removeQuietly(file: string): void {
  try {
    fs().unlinkSync(file);
  } catch {
    // Already gone.
  }
}
