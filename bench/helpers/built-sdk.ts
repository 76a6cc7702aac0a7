/**
 * The SDK's payload and scrub modules as built JavaScript: bundled and minified with esbuild,
 * as the package build does, into a temporary directory, then imported. Benchmarks time this,
 * what users run, rather than source transformed on the fly (which runs some of it twice as slow).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export type BuiltSdk = typeof import('../../packages/sdk/src/payload') & typeof import('../../packages/sdk/src/scrub');

export async function importBuiltSdk(): Promise<BuiltSdk> {
  const src = fileURLToPath(new URL('../../packages/sdk/src/', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-bench-'));
  const outfile = join(dir, 'sdk.mjs');
  try {
    await build({
      stdin: { contents: "export * from './payload';\nexport * from './scrub';\n", resolveDir: src, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'node',
      target: 'node18',
      outfile,
      logLevel: 'error',
    });
    return (await import(pathToFileURL(outfile).href)) as BuiltSdk;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
