import { defineBuildConfig } from 'unbuild';

// One entry per subpath of the exports map in package.json (checked by scripts/check-exports.mjs).
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
  ],
  declaration: 'node16',
  clean: true,
  rollup: {
    emitCJS: true,
    esbuild: { target: 'node18' },
  },
  failOnWarn: true,
});
