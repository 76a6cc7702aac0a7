import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The runtime that fixtures run in: `RUNTIME_BIN` (a Node.js, Bun or Deno binary), else this Node.js. */
export const RUNTIME = describeRuntime(process.env.RUNTIME_BIN || process.execPath);

/** Command line that runs `file` in {@link RUNTIME}: Deno runs a script with every permission granted. */
export function runtimeArgs(file: string): string[] {
  return RUNTIME.isDeno ? ['run', '-A', file] : [file];
}

export interface FixtureRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Path of a file under test/fixtures. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** Runs a fixture script in a real child process of {@link RUNTIME} and collects what it did. */
export function runFixture(name: string, env: Record<string, string | undefined> = {}, timeoutMs = 15_000): Promise<FixtureRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(RUNTIME.bin, runtimeArgs(fixturePath(name)), {
      env: { ...process.env, NODE_OPTIONS: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
}

/** `nodeMajor`: the major of the Node.js version the runtime reports (Bun and Deno report the one they are compatible with). */
function describeRuntime(bin: string): { bin: string; isBun: boolean; isDeno: boolean; label: string; nodeMajor: number } {
  const versions: Partial<Record<string, string>> =
    bin === process.execPath ? process.versions : JSON.parse(execFileSync(bin, [fixturePath('runtime-versions.mjs')], { encoding: 'utf8' }));
  return {
    bin,
    isBun: versions.bun !== undefined,
    isDeno: versions.deno !== undefined,
    label: versions.bun !== undefined ? `Bun ${versions.bun}` : versions.deno !== undefined ? `Deno ${versions.deno}` : `Node.js ${versions.node}`,
    nodeMajor: Number(versions.node?.split('.')[0]),
  };
}
