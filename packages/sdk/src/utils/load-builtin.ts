/** @module Node.js builtins loaded on first use, synchronously, so that importing the SDK loads none. */
import { createRequire } from 'node:module';
import type * as Fs from 'node:fs';
import type * as Http from 'node:http';
import type * as Https from 'node:https';
import type * as Path from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';

/** The builtins the SDK uses, by specifier. */
export interface Builtins {
  'node:fs': typeof Fs;
  'node:http': typeof Http;
  'node:https': typeof Https;
  'node:path': typeof Path;
  'node:worker_threads': typeof WorkerThreads;
}

let requireBuiltin: ((id: string) => unknown) | undefined;

/**
 * Returns a builtin module, loading it now if nothing has yet. Synchronous, so that it also
 * serves the crash path, which runs while the process dies. `process.getBuiltinModule` exists
 * from Node.js 20.16 and 22.3 (and in Bun); before that, a `require` made for this file does
 * the same in both the ESM and the CommonJS build.
 */
export function loadBuiltin<ID extends keyof Builtins>(id: ID): Builtins[ID] {
  if (typeof process.getBuiltinModule === 'function') return process.getBuiltinModule(id) as Builtins[ID];
  requireBuiltin ??= createRequire(import.meta.url);
  return requireBuiltin(id) as Builtins[ID];
}
