import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SDK_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `script` against the built package in a fresh process and returns what it printed, parsed. */
function run(script: string, inputType: 'module' | 'commonjs'): unknown {
  const out = execFileSync(process.execPath, [`--input-type=${inputType}`, '-e', script], { cwd: SDK_DIR, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return JSON.parse(out);
}

// The build mangles the core's own names; what an application sees by name must survive it.
describe('names in the minified build', () => {
  it.each([
    ['ESM', "const sdk = await import('sentinel-sdk');", 'module'],
    ['CommonJS', "const sdk = require('sentinel-sdk');", 'commonjs'],
  ] as const)('%s: an error thrown by configure prints and inspects with its class name', (_, load, inputType) => {
    const script = `${load}
let error;
try { sdk.configure({ apiKey: '', githubRepo: 'acme/shop' }); } catch (e) { error = e; }
console.log(JSON.stringify([require('node:util').inspect(error).split('\\n')[0], error.constructor.name, Object.getPrototypeOf(error.constructor).name]));`;
    const printed = run(inputType === 'module' ? `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);\n${script}` : script, inputType);
    expect(printed).toEqual(['InvalidOptionError: sentinel-sdk – apiKey is required: a non-empty string without line breaks', 'InvalidOptionError', 'SdkError']);
  });

  // Their functions stand in the application's stack traces (`at sentinelMiddleware`).
  it('the integrations keep their functions’ names', () => {
    const names = run(
      `const out = {};
for (const id of ['express', 'fastify', 'koa', 'hono', 'next', 'nestjs', 'http']) {
  for (const [key, value] of Object.entries(await import('sentinel-sdk/' + id))) out[id + '.' + key] = value.name;
}
out['express.sentinelErrorHandler()'] = (await import('sentinel-sdk/express')).sentinelErrorHandler().name;
out['koa.sentinelMiddleware()'] = (await import('sentinel-sdk/koa')).sentinelMiddleware().name;
out['hono.sentinelMiddleware()'] = (await import('sentinel-sdk/hono')).sentinelMiddleware().name;
console.log(JSON.stringify(out));`,
      'module',
    ) as Record<string, string>;
    expect(names).toMatchObject({
      'express.sentinelErrorHandler': 'sentinelErrorHandler',
      'koa.sentinelMiddleware': 'sentinelMiddleware',
      'hono.sentinelMiddleware': 'sentinelMiddleware',
      'next.withSentinel': 'withSentinel',
      'next.createOnRequestError': 'createOnRequestError',
      'nestjs.SentinelExceptionFilter': 'SentinelExceptionFilter',
      'http.wrapRequestHandler': 'wrapRequestHandler',
      'fastify.sentinelPlugin': 'registerSentinel',
    });
    expect(names).toMatchObject({
      'express.sentinelErrorHandler()': 'sentinelExpressErrorHandler',
      'koa.sentinelMiddleware()': 'sentinelKoaMiddleware',
      'hono.sentinelMiddleware()': 'sentinelHonoMiddleware',
    });
  });
});
