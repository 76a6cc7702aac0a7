import { transform } from 'esbuild';
import type { Plugin } from 'rollup';
import { defineBuildConfig } from 'unbuild';

/**
 * Minifies each emitted chunk. The core's own names are mangled: its frames appear in an
 * application's stack traces only when the SDK itself throws (the source maps name them).
 * Chunks of the framework integrations keep every function's name, because their wrappers
 * stand in the application's own stack traces (`at sentinelExpressErrorHandler`, `at sentinelKoaMiddleware`).
 */
function minifyChunks(): Plugin {
  return {
    name: 'sentinel-minify',
    async renderChunk(code, chunk, output) {
      if (/\.d\.[cm]?ts$/.test(chunk.fileName)) return null;
      const keepNames = chunk.moduleIds.some((id) => /[/\\]src[/\\]middleware[/\\]/.test(id));
      // The crash worker evaluates these functions' source text: a `__name(…)` call that keepNames
      // adds inside them would refer to a helper the worker does not have.
      const selfContained = chunk.moduleIds.filter((id) => /[/\\]src[/\\](transport[/\\](http-send|retry)|crash[/\\]worker-main)\.ts$/.test(id));
      if (keepNames && selfContained.length > 0) throw new Error(`${chunk.fileName}: the crash worker's sources share a chunk with an integration`);
      const result = await transform(code, {
        format: output.format === 'es' ? 'esm' : 'cjs',
        target: 'node18',
        minify: true,
        keepNames,
        sourcemap: true,
        sourcefile: chunk.fileName,
      });
      return { code: result.code, map: result.map };
    },
  };
}

// One entry per target of the exports map in package.json (checked by scripts/check-exports.mjs).
export default defineBuildConfig({
  entries: [
    'src/index',
    'src/middleware/express',
    'src/middleware/fastify',
    'src/middleware/koa',
    'src/middleware/hono',
    'src/middleware/next',
    'src/middleware/nestjs',
    'src/middleware/http',
    'src/edge',
    'src/workerd',
  ],
  declaration: 'node16',
  clean: true,
  // Maps name the original functions and lines (`node --enable-source-maps`); the TypeScript
  // sources themselves are left out of them, and of the package.
  sourcemap: true,
  // Provided by workerd itself.
  externals: ['cloudflare:workers'],
  rollup: {
    emitCJS: true,
    esbuild: { target: 'node18' },
    output: { sourcemapExcludeSources: true },
    // A dynamic import() stays one in the ESM build and becomes a require() in the CommonJS build.
    preserveDynamicImports: false,
  },
  hooks: {
    'rollup:options'(_ctx, options) {
      (options.plugins as Plugin[]).push(minifyChunks());
    },
  },
  failOnWarn: true,
});
