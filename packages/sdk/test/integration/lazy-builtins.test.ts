import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SDK_DIR = fileURLToPath(new URL('../..', import.meta.url));
/** Builtins whose loading costs milliseconds; the SDK loads each only when it first needs it. */
const COSTLY = /^NativeModule (http|https|tls|worker_threads)$/;

/**
 * Imports the built package in a fresh process and lists the costly builtins loaded after the
 * import, after `configure()`, and after `installHook()`.
 */
function probe(load: string, inputType: 'module' | 'commonjs'): Record<string, string[]> {
  const script = `const loaded = () => process.moduleLoadList.filter((m) => ${COSTLY}.test(m)).map((m) => m.slice(13));
const steps = {};
${load}
steps.import = loaded();
sdk.configure({ apiKey: 'test-key', githubRepo: 'acme/shop', gatewayUrl: 'http://127.0.0.1:9' });
steps.configure = loaded();
sdk.installHook();
steps.installHook = loaded();
sdk.uninstallHook();
console.log(JSON.stringify(steps));`;
  const out = execFileSync(process.execPath, [`--input-type=${inputType}`, '-e', script], { cwd: SDK_DIR, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return JSON.parse(out) as Record<string, string[]>;
}

describe('Node.js builtins', () => {
  it.each([
    ['ESM', "const sdk = await import('sentinel-sdk');", 'module'],
    ['CommonJS', "const sdk = require('sentinel-sdk');", 'commonjs'],
  ] as const)('the %s build loads none at import or configure; installHook starts the crash worker', (_, load, inputType) => {
    expect(probe(load, inputType)).toEqual({ import: [], configure: [], installHook: ['worker_threads'] });
  });
});
