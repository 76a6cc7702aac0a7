// Completes `tsc`: copies the page's assets next to the compiled code and marks the CLI executable.
import { chmodSync, cpSync } from 'node:fs';

const root = new URL('../', import.meta.url);
cpSync(new URL('src/ui/assets/', root), new URL('dist/ui/assets/', root), { recursive: true });
chmodSync(new URL('dist/cli.js', root), 0o755);
