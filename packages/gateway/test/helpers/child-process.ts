import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const CLI_SOURCE = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

/** A child process with its output collected, and a way to wait for a line of it. */
export interface Child {
  process: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in stdout, rejecting after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Resolves with the exit code (or signal) once the process ended, rejecting after `timeoutMs`. */
  exited(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns `node` with the given arguments from the repository root. */
export function spawnNode(args: string[], env: Record<string, string> = {}): Child {
  return spawnCommand(process.execPath, args, env);
}

/**
 * Spawns a command from the repository root. `detached` gives it its own process group, so a
 * signal sent to the group reaches it and everything it started, as Ctrl-C in a terminal does.
 */
export function spawnCommand(command: string, args: string[], env: Record<string, string> = {}, detached = false): Child {
  const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, detached });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // 'close' rather than 'exit': it fires once the output has been read to the end.
    child.once('close', (code, signal) => resolve({ code, signal })),
  );

  function withDeadline<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      const failure = () => new Error(`timed out waiting for ${what}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
      timer = setTimeout(() => reject(failure()), timeoutMs);
    });
    return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
  }

  return {
    process: child,
    output: () => stdout + stderr,
    waitFor(pattern, timeoutMs = 10_000) {
      const found = new Promise<RegExpExecArray>((resolve, reject) => {
        const check = (): void => {
          const match = pattern.exec(stdout);
          if (!match) return;
          child.stdout.off('data', check);
          resolve(match);
        };
        child.stdout.on('data', check);
        child.once('close', () => reject(new Error(`exited before printing ${pattern}\n${stdout}${stderr}`)));
        check();
      });
      return withDeadline(found, timeoutMs, String(pattern));
    },
    exited(timeoutMs = 10_000) {
      return withDeadline(exit, timeoutMs, 'exit');
    },
  };
}

/** Spawns the gateway CLI from source. */
export function spawnGatewayCli(args: string[]): Child {
  return spawnNode(['--import', 'tsx', CLI_SOURCE, ...args]);
}
