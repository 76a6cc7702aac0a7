import { defineBuildConfig } from 'unbuild';

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
  // Provided by workerd itself.
  externals: ['cloudflare:workers'],
  rollup: {
    emitCJS: true,
    esbuild: { target: 'node18' },
  },
  failOnWarn: true,
});
