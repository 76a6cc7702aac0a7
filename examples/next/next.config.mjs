// Run from the repository root (NEXT_TELEMETRY_DISABLED=1 keeps the build off the network):
//   NEXT_TELEMETRY_DISABLED=1 npx next build examples/next && npx next start examples/next -H 127.0.0.1 -p 3000
//   curl http://127.0.0.1:3000/orders/2   (500, reported)
import { fileURLToPath } from 'node:url';

export default {
  // The SDK is loaded from node_modules, not bundled: one copy serves instrumentation and routes.
  serverExternalPackages: ['sentinel-sdk'],
  turbopack: { root: fileURLToPath(new URL('../..', import.meta.url)) },
};
